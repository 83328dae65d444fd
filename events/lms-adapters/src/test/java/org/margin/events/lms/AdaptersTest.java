package org.margin.events.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.margin.events.lms.Fixtures.CALIPER;
import static org.margin.events.lms.Fixtures.CANVAS;
import static org.margin.events.lms.Fixtures.MOODLE;
import static org.margin.events.lms.Fixtures.XAPI;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.margin.events.Lms;
import org.margin.events.lms.SubmissionContent.Markup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class AdaptersTest {

    private static final String TEXT = "Rivers shape the towns that grow beside them.";
    private static final String HTML = "<p>" + TEXT + "</p>";

    @Test
    void canvasFormatSubmissionCreated() {
        SubmissionReceived submission = single(Fixtures.receive(CANVAS, Fixtures.json("canvas-submission-created.json")));

        assertThat(submission).isEqualTo(new SubmissionReceived("canvas-north", Fixtures.INSTITUTION, Lms.CANVAS,
                "48210000000000734", "48210000000051207", "48210000000283344", Optional.of("48210000000009120"),
                OptionalInt.of(2), Instant.parse("2026-03-02T14:05:09Z"),
                new SubmissionContent.Text(HTML, Markup.HTML, false)));
    }

    @Test
    void canvasCaliperFormatGivesTheSameIdsAsTheCanvasFormat() {
        SubmissionReceived caliper = single(Fixtures.receive(CANVAS,
                Fixtures.json("canvas-submission-created-caliper.json")));
        SubmissionReceived canvas = single(Fixtures.receive(CANVAS, Fixtures.json("canvas-submission-created.json")));

        assertThat(caliper.lms()).isEqualTo(Lms.CANVAS);
        assertThat(caliper.lmsCourseId()).isEqualTo(canvas.lmsCourseId());
        assertThat(caliper.lmsUserId()).isEqualTo(canvas.lmsUserId());
        assertThat(caliper.lmsSubmissionId()).isEqualTo(canvas.lmsSubmissionId());
        assertThat(caliper.lmsAssignmentId()).isEqualTo(canvas.lmsAssignmentId());
        assertThat(caliper.attempt()).isEqualTo(canvas.attempt());
        assertThat(caliper.submittedAt()).isEqualTo(Instant.parse("2026-03-02T14:05:09.412Z"));
        assertThat(caliper.content()).isEqualTo(new SubmissionContent.Text(HTML, Markup.HTML, false));
    }

    @Test
    void canvasCaliperIdsComeFromTheUrnWhenNoEntityIdIsGiven() {
        ObjectNode payload = Fixtures.object("canvas-submission-created-caliper.json");
        ObjectNode event = (ObjectNode) payload.get("data").get(0);
        ((ObjectNode) event.get("actor")).remove("extensions");
        ((ObjectNode) event.get("group")).remove("extensions");

        SubmissionReceived submission = single(Fixtures.receive(CANVAS, payload));
        assertThat(submission.lmsUserId()).isEqualTo("48210000000051207");
        assertThat(submission.lmsCourseId()).isEqualTo("48210000000000734");
    }

    @Test
    void canvasUploadIsAReferenceAndALongBodyIsMarkedTruncated() {
        ObjectNode upload = Fixtures.object("canvas-submission-created.json");
        ((ObjectNode) upload.get("body")).putNull("body").put("submission_type", "online_upload");
        assertThat(single(Fixtures.receive(CANVAS, upload)).content())
                .isEqualTo(new SubmissionContent.Reference("submission:48210000000283344"));

        ObjectNode url = Fixtures.object("canvas-submission-created.json");
        ((ObjectNode) url.get("body")).putNull("body").put("url", "https://blog.example.org/essay");
        assertThat(single(Fixtures.receive(CANVAS, url)).content())
                .isEqualTo(new SubmissionContent.Reference("https://blog.example.org/essay"));

        ObjectNode longBody = Fixtures.object("canvas-submission-created.json");
        ((ObjectNode) longBody.get("body")).put("body", "a".repeat(CanvasLiveEvents.BODY_LIMIT));
        assertThat(single(Fixtures.receive(CANVAS, longBody)).content())
                .isInstanceOfSatisfying(SubmissionContent.Text.class, text -> assertThat(text.truncated()).isTrue());
    }

    @Test
    void canvasOtherEventsAreIgnored() {
        ObjectNode updated = Fixtures.object("canvas-submission-created.json");
        ((ObjectNode) updated.get("metadata")).put("event_name", "submission_updated");
        assertThat(Fixtures.receive(CANVAS, updated)).isInstanceOf(WebhookOutcome.Ignored.class);

        ObjectNode started = Fixtures.object("canvas-submission-created-caliper.json");
        ((ObjectNode) started.get("data").get(0)).put("action", "Started");
        assertThat(Fixtures.receive(CANVAS, started)).isInstanceOf(WebhookOutcome.Ignored.class);
    }

    @Test
    void canvasMalformedPayloadsAreRejected() {
        assertRejected(CANVAS, edit("canvas-submission-created.json",
                json -> ((ObjectNode) json.get("metadata")).remove("context_type")), "course");
        assertRejected(CANVAS, edit("canvas-submission-created.json",
                json -> ((ObjectNode) json.get("body")).remove("user_id")), "user");
        assertRejected(CANVAS, edit("canvas-submission-created.json",
                json -> ((ObjectNode) json.get("body")).put("submitted_at", "yesterday at noon")), "time");
        assertRejected(CANVAS, edit("canvas-submission-created.json", json -> json.put("body", TEXT)), "objects");
        assertRejected(CANVAS, edit("canvas-submission-created.json", json -> json.remove("metadata")),
                "not a Canvas live event");
    }

    @Test
    void moodleAssessableSubmitted() {
        SubmissionReceived submission = single(Fixtures.receive(MOODLE, Fixtures.json("moodle-assessable-submitted.json")));

        assertThat(submission).isEqualTo(new SubmissionReceived("moodle-north", Fixtures.INSTITUTION, Lms.MOODLE,
                "63", "1207", "5531", Optional.of("418"), OptionalInt.empty(),
                Instant.ofEpochSecond(1772460309), new SubmissionContent.Reference("assign_submission:5531")));
    }

    @Test
    void moodleOnlineTextUploadedCarriesTheText() {
        SubmissionReceived submission = single(Fixtures.receive(MOODLE, Fixtures.json("moodle-onlinetext-uploaded.json")));

        assertThat(submission).isEqualTo(new SubmissionReceived("moodle-north", Fixtures.INSTITUTION, Lms.MOODLE,
                "63", "1207", "5531", Optional.of("418"), OptionalInt.empty(), Instant.ofEpochSecond(1772460250),
                new SubmissionContent.Text("<p>Rivers carve valleys over thousands of years.</p>"
                        + "<p>Floods move the most sediment.</p>", SubmissionContent.Markup.HTML, false)));
        assertRejected(MOODLE, edit("moodle-onlinetext-uploaded.json", json -> json.putObject("other")),
                "other.content");
    }

    @Test
    void moodleOtherEventsAreIgnoredAndMalformedOnesRejected() {
        assertThat(Fixtures.receive(MOODLE, edit("moodle-assessable-submitted.json",
                json -> json.put("eventname", "\\core\\event\\course_viewed"))))
                .isInstanceOf(WebhookOutcome.Ignored.class);

        assertRejected(MOODLE, edit("moodle-assessable-submitted.json", json -> json.remove("eventname")),
                "eventname");
        assertRejected(MOODLE, edit("moodle-assessable-submitted.json", json -> json.remove("courseid")), "course");
        assertRejected(MOODLE, edit("moodle-assessable-submitted.json", json -> json.put("userid", "student-b")),
                "user");
        assertRejected(MOODLE, edit("moodle-assessable-submitted.json", json -> json.put("timecreated", -5)), "time");
        assertRejected(MOODLE, edit("moodle-assessable-submitted.json", json -> json.put("objecttable", "user")),
                "assign_submission");
    }

    @Test
    void caliper12AssessmentSubmittedTakesTheOfferingOfTheSection() {
        SubmissionReceived submission = single(Fixtures.receive(CALIPER,
                Fixtures.json("caliper-v1p2-assessment-submitted.json")));

        assertThat(submission).isEqualTo(new SubmissionReceived("quiz-north", Fixtures.INSTITUTION, Lms.CALIPER,
                "https://quiz.example.edu/terms/2026S/courses/ENG204", "https://quiz.example.edu/users/77120",
                "https://quiz.example.edu/terms/2026S/courses/ENG204/sections/2/assess/5/users/77120/attempts/1",
                Optional.of("https://quiz.example.edu/terms/2026S/courses/ENG204/sections/2/assess/5"),
                OptionalInt.of(1), Instant.parse("2026-03-02T14:05:09Z"), new SubmissionContent.Reference(
                "https://quiz.example.edu/terms/2026S/courses/ENG204/sections/2/assess/5/users/77120/attempts/1")));
    }

    @Test
    void caliper11AssessmentSubmitted() {
        SubmissionReceived submission = single(Fixtures.receive(CALIPER,
                Fixtures.json("caliper-v1p1-assessment-submitted.json")));

        assertThat(submission.lmsCourseId()).isEqualTo("https://quiz.example.edu/terms/2026S/courses/ENG204");
        assertThat(submission.lmsUserId()).isEqualTo("https://quiz.example.edu/users/77120");
        assertThat(submission.submittedAt()).isEqualTo(Instant.parse("2026-03-02T14:05:09Z"));
    }

    @Test
    void caliperBatchesGiveEverySubmissionAndIgnoreTheRest() {
        ObjectNode payload = Fixtures.object("caliper-v1p2-assessment-submitted.json");
        ArrayNode data = (ArrayNode) payload.get("data");
        ObjectNode second = (ObjectNode) data.get(0).deepCopy();
        second.put("actor", "https://quiz.example.edu/users/77121");
        ((ObjectNode) second.get("generated")).put("id", "https://quiz.example.edu/attempts/99");
        data.add(second);
        data.add(Fixtures.JSON.createObjectNode().put("id", "https://quiz.example.edu/users/5").put("type", "Person"));

        WebhookOutcome outcome = Fixtures.receive(CALIPER, payload);
        assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Accepted.class, accepted ->
                assertThat(accepted.submissions()).extracting(SubmissionReceived::lmsUserId)
                        .containsExactly("https://quiz.example.edu/users/77120", "https://quiz.example.edu/users/77121"));

        ObjectNode onlyStarted = Fixtures.object("caliper-v1p2-assessment-submitted.json");
        ((ArrayNode) onlyStarted.get("data")).remove(0);
        assertThat(Fixtures.receive(CALIPER, onlyStarted)).isInstanceOf(WebhookOutcome.Ignored.class);
    }

    @Test
    void caliperMalformedEnvelopesAreRejected() {
        String name = "caliper-v1p2-assessment-submitted.json";
        assertRejected(CALIPER, edit(name, json -> json.put("dataVersion", "http://purl.imsglobal.org/ctx/caliper/v1p0")),
                "dataVersion");
        assertRejected(CALIPER, edit(name, json -> json.remove("sensor")), "sensor");
        assertRejected(CALIPER, edit(name, json -> json.put("data", "submitted")), "array");
        assertRejected(CALIPER, edit(name, json -> ((ObjectNode) json.get("data").get(0)).remove("generated")),
                "attempt");
        assertRejected(CALIPER, edit(name, json -> {
            ObjectNode event = (ObjectNode) json.get("data").get(0);
            event.remove("group");
            event.remove("membership");
        }), "course");
        assertRejected(CALIPER, edit(name, json -> ((ObjectNode) json.get("data").get(0)).remove("actor")), "actor");
    }

    @Test
    void xapiSubmittedStatementWithAResponse() {
        SubmissionReceived submission = single(Fixtures.receive(XAPI, Fixtures.json("xapi-submitted.json")));

        assertThat(submission).isEqualTo(new SubmissionReceived("lrs-north", Fixtures.INSTITUTION, Lms.XAPI,
                "https://courses.example.edu/eng204", "https://lrs.example.edu#learner-77120",
                "4c2a6e8f-1b3d-4f5a-9c7e-0a2b4d6f8e1c",
                Optional.of("https://courses.example.edu/eng204/essays/reflective"), OptionalInt.empty(),
                Instant.parse("2026-03-02T14:05:09Z"), new SubmissionContent.Text(TEXT, Markup.PLAIN, false)));
    }

    @Test
    void xapiBatchWithMboxActorAndAnAttachment() {
        WebhookOutcome outcome = Fixtures.receive(XAPI, Fixtures.json("xapi-batch-mbox.json"));

        SubmissionReceived submission = single(outcome);
        assertThat(submission.lmsUserId()).isEqualTo("mailto:learner.b@example.edu");
        assertThat(submission.lmsCourseId()).isEqualTo("https://courses.example.edu/eng204");
        assertThat(submission.lmsSubmissionId()).isEqualTo("8e0a2c4f-5d7b-4c9e-8a1f-4d6b8f0a2c5e");
        assertThat(submission.content())
                .isEqualTo(new SubmissionContent.Reference("https://files.example.edu/eng204/essays/8e0a2c4f.docx"));
    }

    @Test
    void xapiOtherVerbsAreIgnoredAndMalformedStatementsRejected() {
        assertThat(Fixtures.receive(XAPI, edit("xapi-submitted.json",
                json -> ((ObjectNode) json.get("verb")).put("id", "http://adlnet.gov/expapi/verbs/completed"))))
                .isInstanceOf(WebhookOutcome.Ignored.class);

        assertRejected(XAPI, edit("xapi-submitted.json", json -> json.remove("verb")), "verb");
        assertRejected(XAPI, edit("xapi-submitted.json", json -> json.remove("context")), "course");
        assertRejected(XAPI, edit("xapi-submitted.json",
                json -> json.set("actor", Fixtures.JSON.createObjectNode().put("name", "Student A"))), "actor");
        assertRejected(XAPI, edit("xapi-submitted.json",
                json -> ((ObjectNode) json.get("object")).put("objectType", "Agent")), "activity");
        assertRejected(XAPI, edit("xapi-submitted.json", json -> json.put("timestamp", "2 March")), "timestamp");
        assertRejected(XAPI, edit("xapi-submitted.json", json -> json.remove("id")), "id");
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreRejected() {
        WebhookOutcome notJson = Fixtures.receive(MOODLE, ("{\"eventname\": \"" + TEXT).getBytes(StandardCharsets.UTF_8));
        assertThat(notJson).isEqualTo(new WebhookOutcome.Rejected("the webhook body is not JSON"));

        WebhookOutcome scalar = Fixtures.receive(MOODLE, ("\"" + TEXT + "\"").getBytes(StandardCharsets.UTF_8));
        assertThat(scalar).isEqualTo(new WebhookOutcome.Rejected("the webhook body is not a JSON object"));
    }

    @Test
    void submissionsDoNotShowPersonalDataWhenPrinted() {
        SubmissionReceived xapi = single(Fixtures.receive(XAPI, Fixtures.json("xapi-batch-mbox.json")));
        SubmissionReceived canvas = single(Fixtures.receive(CANVAS, Fixtures.json("canvas-submission-created.json")));

        assertThat(xapi.toString()).doesNotContain("learner.b", "files.example.edu").contains("lrs-north");
        assertThat(canvas.toString()).doesNotContain("Rivers", "48210000000051207").contains("Text[");
    }

    private static SubmissionReceived single(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(WebhookOutcome.Accepted.class);
        List<SubmissionReceived> submissions = ((WebhookOutcome.Accepted) outcome).submissions();
        assertThat(submissions).hasSize(1);
        return submissions.get(0);
    }

    private static JsonNode edit(String fixture, Consumer<ObjectNode> change) {
        ObjectNode json = Fixtures.object(fixture);
        change.accept(json);
        return json;
    }

    private static void assertRejected(LmsSource source, JsonNode payload, String reasonMentions) {
        WebhookOutcome outcome = Fixtures.receive(source, payload);
        assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains(reasonMentions);
            assertThat(rejected.reason()).doesNotContain(TEXT, "Student A", "yesterday", "student-b", "2 March",
                    "example.edu", "1207");
        });
    }
}
