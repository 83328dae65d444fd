package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole flow in local mode, as {@code ./margin dev} runs it: a Moodle and a Canvas webhook for submissions go
 * in, and the course's educator then finds, through MCP only, the analysis, the updated profile, the similarity
 * result against an earlier near-copy and the alert, each read recorded in the audit log; an educator of another
 * course finds none of it.
 */
class SubmissionPipelineTest {

    private static final String ORIGINAL = """
            <p>The river shapes the town more than any mayor ever did. Every spring the water rises over the low
            fields, leaves a layer of dark silt behind, and the farmers plant in it as soon as the mud dries. The
            bridge was built three times before the engineers understood that the current, not the weight of the
            carts, was pulling the stones apart.</p>
            <p>When the factory opened upstream, the fish disappeared within a decade. My grandmother still
            remembers the summer the children could no longer swim near the mill. Cleaning the river took longer than
            polluting it, and the town learned that patience is cheaper than repair.</p>""";
    private static final String NEAR_COPY = """
            <p>The river shapes our town more than any mayor ever did. Each spring the water rises over the low
            fields, leaves a layer of dark silt behind, and the farmers plant in it as soon as the mud dries. The
            bridge was built three times before the engineers understood that the current, not the weight of the
            carts, was pulling the stones apart.</p>
            <p>When the factory opened upstream, the fish vanished within a decade. My grandfather still
            remembers the summer the children could no longer swim near the mill. Cleaning the river took longer than
            polluting it, and the town learned that patience is cheaper than repair.</p>""";
    private static final String CANVAS_ESSAY = """
            <p>Volcanoes are windows into the planet. Magma rises because it is lighter than the rock around it, and
            when the pressure becomes too great it breaks through the crust. Some eruptions are quiet rivers of lava;
            others throw ash high enough to change the weather for a year.</p>
            <p>Living near a volcano is a trade. The soil is rich and the views are beautiful, but people must
            watch the mountain and leave when it tells them to.</p>""";

    private static LocalMargin margin;

    @BeforeAll
    static void start() throws Exception {
        margin = LocalMargin.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (margin != null) {
            margin.close();
        }
    }

    @Test
    void aSubmissionFlowsFromTheLmsToItsEducatorsAgentAndNoFurther() throws Exception {
        CourseId moodleCourse = margin.course("moodle:63", "Geography 8");
        CourseId canvasCourse = margin.course("canvas:734", "Earth science 8");
        PersonId moodleTeacher = margin.educatorOf(moodleCourse);
        PersonId canvasTeacher = margin.educatorOf(canvasCourse);
        margin.defineRule(moodleTeacher, moodleCourse, "{\"kind\": \"similarity\", \"threshold\": 0.4}");
        margin.defineRule(canvasTeacher, canvasCourse,
                "{\"kind\": \"metric_threshold\", \"metric\": \"wordCount\", \"comparison\": \"below\","
                        + " \"threshold\": 10000}");
        Webhooks lms = margin.webhooks;

        HttpResponse<String> original = lms.moodle("moodle-north", LocalMargin.MOODLE_SECRET, 63, 1201, 9001,
                ORIGINAL);
        assertThat(original.statusCode()).as(original.body()).isEqualTo(202);
        margin.awaitAlerts(moodleTeacher, alerts -> true, Duration.ofSeconds(3));
        HttpResponse<String> copy = lms.moodle("moodle-north", LocalMargin.MOODLE_SECRET, 63, 1202, 9002, NEAR_COPY);
        HttpResponse<String> canvas = lms.canvas("canvas-north", margin.canvasKey, LocalMargin.CANVAS_ISSUER, "734",
                "51207", "283344", CANVAS_ESSAY);
        assertThat(copy.statusCode()).as(copy.body()).isEqualTo(202);
        assertThat(canvas.statusCode()).as(canvas.body()).isEqualTo(202);

        JsonNode similarityAlert = margin.awaitAlerts(moodleTeacher, alerts -> alerts.size() > 0,
                LocalMargin.PATIENCE).get(0);
        assertThat(similarityAlert.path("kind").asString()).isEqualTo("similarity");
        String copier = similarityAlert.path("studentId").asString();
        String copiedSubmission = similarityAlert.path("submissionId").asString();

        LocalMargin.Bearer moodleEducator = LocalMargin.Bearer.educator(margin.tenant, moodleTeacher);
        JsonNode report = margin.call(LocalMargin.ACADEMIC_INTEGRITY, moodleEducator, "get_integrity_report",
                McpHttp.JSON.createObjectNode().put("submissionId", copiedSubmission));
        assertThat(report.path("bestSimilarity").asDouble()).isGreaterThan(0.4);
        assertThat(report.path("matches").get(0).path("spans").size()).isPositive();

        JsonNode profile = margin.awaitTool(LocalMargin.STUDENT_PROFILING, moodleEducator, "get_student_profile",
                studentId(copier),
                result -> result.path("submissionCount").asInt() == 1, LocalMargin.PATIENCE);
        assertThat(profile.path("metrics").path("wordCount").path("mean").asDouble()).isBetween(100.0, 200.0);
        JsonNode progress = margin.call(LocalMargin.STUDENT_PROFILING, moodleEducator, "get_progress",
                studentId(copier));
        assertThat(progress.toString()).contains("fleschReadingEase");
        assertThat(margin.disclosures(margin.tenant, moodleTeacher.value(), copier))
                .extracting(entry -> entry.path("tool").asString())
                .contains("get_integrity_report", "get_student_profile", "get_progress");

        JsonNode canvasAlert = margin.awaitAlerts(canvasTeacher, alerts -> alerts.size() > 0,
                LocalMargin.PATIENCE).get(0);
        assertThat(canvasAlert.path("kind").asString()).isEqualTo("metric_threshold");
        assertThat(margin.awaitAlerts(canvasTeacher, alerts -> true, Duration.ZERO).toString()).doesNotContain(copier);
        assertThat(margin.awaitAlerts(moodleTeacher, alerts -> true, Duration.ZERO).toString())
                .doesNotContain(canvasAlert.path("studentId").asString());
        JsonNode refused = margin.callRaw(LocalMargin.STUDENT_PROFILING,
                LocalMargin.Bearer.educator(margin.tenant, canvasTeacher), "get_student_profile", studentId(copier));
        assertThat(refused.path("result").path("isError").asBoolean()).isTrue();
    }

    private static ObjectNode studentId(String student) {
        return McpHttp.JSON.createObjectNode().put("studentId", student);
    }
}
