package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.StoreUnavailableException;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole flow in local mode, as {@code ./margin dev} runs it: a Moodle and a Canvas webhook for submissions go
 * in, and the course's educator then finds, through MCP only, the analysis, the updated profile, the similarity
 * result against an earlier near-copy and the alert; an educator of another course finds none of it.
 */
class SubmissionPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final byte[] MOODLE_SECRET = "the north district's moodle secret".getBytes(StandardCharsets.UTF_8);
    private static final String CANVAS_ISSUER = "https://canvas.example.edu";
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

    private static FunctionProcess margin;
    private static Store store;
    private static int base;
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static PersonId moodleTeacher;
    private static PersonId canvasTeacher;
    private static CourseId moodleCourse;
    private static CourseId canvasCourse;
    private static RSAKey canvasKey;

    @BeforeAll
    static void start() throws Exception {
        Path directory = Files.createTempDirectory("margin-pipeline");
        base = FunctionProcess.freePort();
        canvasKey = new RSAKeyGenerator(2048).keyID("canvas-e2e").generate();
        Map<String, String> env = new HashMap<>();
        env.put("MARGIN_LOCAL_DIR", directory.toString());
        env.put("MARGIN_LMS_SOURCES", """
                [{"id": "moodle-north", "institutionId": "%s", "lms": "moodle", "hmacSecrets": ["%s"]},
                 {"id": "canvas-north", "institutionId": "%s", "lms": "canvas", "issuer": "%s", "jwks": %s}]"""
                .formatted(TENANT.value(), Base64.getEncoder().encodeToString(MOODLE_SECRET), TENANT.value(),
                        CANVAS_ISSUER, new JWKSet(canvasKey.toPublicJWK()).toString()));
        margin = FunctionProcess.launcher(env, base, 6);
        store = Store.builder()
                .environment(LocalDatabase.connectionEnvironment(directory.resolve("postgres"), base + 20))
                .callTimeout(Duration.ofSeconds(30))
                .build();
        seedRoster();
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (margin != null) {
            margin.close();
        }
    }

    /** The roster an LMS sync would give: two courses, each with its teacher. */
    private static void seedRoster() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                store.institutions().register(TENANT, "North district");
                break;
            } catch (StoreUnavailableException startingUp) {
                if (System.nanoTime() > deadline) {
                    throw startingUp;
                }
                Thread.sleep(500);
            }
        }
        moodleCourse = store.courses().ensure(TENANT, "moodle:63", "Geography 8");
        canvasCourse = store.courses().ensure(TENANT, "canvas:734", "Earth science 8");
        moodleTeacher = educator("teacher-moodle");
        canvasTeacher = educator("teacher-canvas");
        LocalDate termStart = LocalDate.now().minusMonths(1);
        store.enrollments().enroll(TENANT, moodleCourse, moodleTeacher, EnrollmentRole.TEACHER, termStart,
                Optional.empty());
        store.enrollments().enroll(TENANT, canvasCourse, canvasTeacher, EnrollmentRole.TEACHER, termStart,
                Optional.empty());
    }

    private static PersonId educator(String lmsUser) {
        Opaque marker = Opaque.of(("seed:" + lmsUser + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        return store.people().register(TENANT, new PersonIdentity(marker, Optional.empty(), Optional.empty(),
                Optional.empty(), marker, Optional.empty()));
    }

    @Test
    void aSubmissionFlowsFromTheLmsToItsEducatorsAgentAndNoFurther() throws Exception {
        defineRule(moodleTeacher, moodleCourse, "{\"kind\": \"similarity\", \"threshold\": 0.4}");
        defineRule(canvasTeacher, canvasCourse,
                "{\"kind\": \"metric_threshold\", \"metric\": \"wordCount\", \"comparison\": \"below\", \"threshold\": 10000}");
        Webhooks lms = new Webhooks(URI.create("http://127.0.0.1:" + (base + 5)));

        HttpResponse<String> original = lms.moodle("moodle-north", MOODLE_SECRET, 63, 1201, 9001, ORIGINAL);
        assertThat(original.statusCode()).as(original.body() + margin.output()).isEqualTo(202);
        awaitAlerts(moodleTeacher, alerts -> true, Duration.ofSeconds(3));
        HttpResponse<String> copy = lms.moodle("moodle-north", MOODLE_SECRET, 63, 1202, 9002, NEAR_COPY);
        HttpResponse<String> canvas = lms.canvas("canvas-north", canvasKey, CANVAS_ISSUER, "734", "51207", "283344",
                CANVAS_ESSAY);
        assertThat(copy.statusCode()).as(copy.body()).isEqualTo(202);
        assertThat(canvas.statusCode()).as(canvas.body()).isEqualTo(202);

        JsonNode similarityAlert = awaitAlerts(moodleTeacher, alerts -> alerts.size() > 0, PATIENCE).get(0);
        assertThat(similarityAlert.path("kind").asString()).isEqualTo("similarity");
        String copier = similarityAlert.path("studentId").asString();
        String copiedSubmission = similarityAlert.path("submissionId").asString();

        ObjectNode reportArguments = McpHttp.JSON.createObjectNode()
                .put("institutionId", TENANT.value().toString())
                .put("submissionId", copiedSubmission);
        JsonNode report = call(base + 4, "get_integrity_report", reportArguments);
        assertThat(report.path("bestSimilarity").asDouble()).isGreaterThan(0.4);
        assertThat(report.path("matches").get(0).path("spans").size()).isPositive();

        JsonNode profile = awaitTool(base + 2, "get_student_profile", args(moodleTeacher).put("studentId", copier),
                result -> result.path("submissionCount").asInt() == 1);
        assertThat(profile.path("metrics").path("wordCount").path("mean").asDouble()).isBetween(100.0, 200.0);
        JsonNode progress = call(base + 2, "get_progress", args(moodleTeacher).put("studentId", copier));
        assertThat(progress.toString()).contains("fleschReadingEase");

        JsonNode canvasAlert = awaitAlerts(canvasTeacher, alerts -> alerts.size() > 0, PATIENCE).get(0);
        assertThat(canvasAlert.path("kind").asString()).isEqualTo("metric_threshold");
        assertThat(awaitAlerts(canvasTeacher, alerts -> true, Duration.ZERO).toString()).doesNotContain(copier);
        assertThat(awaitAlerts(moodleTeacher, alerts -> true, Duration.ZERO).toString())
                .doesNotContain(canvasAlert.path("studentId").asString());
        JsonNode refused = callRaw(base + 2, "get_student_profile", args(canvasTeacher).put("studentId", copier));
        assertThat(refused.path("result").path("isError").asBoolean()).isTrue();
    }

    private void defineRule(PersonId educator, CourseId course, String rule) {
        ObjectNode arguments = args(educator).put("courseId", course.value().toString());
        arguments.set("rule", McpHttp.parse(rule));
        JsonNode defined = callRaw(base + 3, "define_alert_rule", arguments);
        assertThat(defined.path("result").path("isError").asBoolean()).as(defined.toString()).isFalse();
    }

    private JsonNode awaitAlerts(PersonId educator, Predicate<JsonNode> until, Duration patience) {
        return awaitTool(base + 3, "list_alerts", args(educator), result -> until.test(result.path("alerts")),
                patience).path("alerts");
    }

    private JsonNode awaitTool(int port, String tool, ObjectNode arguments, Predicate<JsonNode> until) {
        return awaitTool(port, tool, arguments, until, PATIENCE);
    }

    private JsonNode awaitTool(int port, String tool, ObjectNode arguments, Predicate<JsonNode> until,
                               Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode result = call(port, tool, arguments);
        while (!until.test(result) && System.nanoTime() < deadline) {
            sleep();
            result = call(port, tool, arguments);
        }
        return result;
    }

    private JsonNode call(int port, String tool, ObjectNode arguments) {
        JsonNode response = callRaw(port, tool, arguments);
        assertThat(response.path("result").path("isError").asBoolean()).as(response.toString()).isFalse();
        return response.path("result").path("structuredContent");
    }

    private JsonNode callRaw(int port, String tool, ObjectNode arguments) {
        HttpResponse<String> response = McpHttp.postStateless(URI.create("http://127.0.0.1:" + port + "/mcp"), tool,
                McpHttp.statelessToolCall(tool, arguments).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.parse(response.body());
    }

    private static ObjectNode args(PersonId educator) {
        ObjectNode arguments = McpHttp.JSON.createObjectNode();
        arguments.put("institutionId", TENANT.value().toString());
        arguments.put("educatorId", educator.value().toString());
        return arguments;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
