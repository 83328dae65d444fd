package org.margin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CatalogueTest {

    /** Values a careless producer could leak; no refusal may quote them. */
    private static final String EMAIL = "jamie.okafor@example.edu";
    private static final String NAME = "Jamie Okafor";
    private static final String ESSAY = "My summer on the farm taught me patience and humility.";

    private static final Instant NOW = Instant.parse("2026-03-02T14:06:00Z");
    private static final MarginEvents EVENTS = MarginEvents.forFunction("ingress", Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<EventData> samples() {
        return Samples.all().stream();
    }

    @Test
    void everyTypeHasASample() {
        assertThat(samples().map(EventData::type)).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void schemaIdIsTheDataschemaAndTitleIsTheType() {
        for (EventType type : EventType.values()) {
            JsonNode schema = MarginEvents.schema(type);
            assertThat(schema.get("$id").asString()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("title").asString()).isEqualTo(type.type());
            assertThat(type.dataSchema().toString()).matches("https://schemas\\.margin\\.dev/events/[a-z.]+/v1\\.json");
            assertThat(type.type()).endsWith(".v1");
            assertThat(EventType.of(type.type())).hasValue(type);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordPassesItsSchemaAndReadsBackEqual(EventData data) {
        CloudEvent event = EVENTS.create(data);

        assertThat(SchemaCheck.problems(data.type(), data.toJson())).isEmpty();
        EventRead<EventData> read = MarginEvents.read(event);
        assertThat(read).isEqualTo(new EventRead.Valid<>(data.type(), data));
        assertThat(MarginEvents.read(event, data.type().dataClass()))
                .isInstanceOf(EventRead.Valid.class);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void attributesFollowTheConventionsAndCarryNoExtension(EventData data) {
        UUID id = UUID.randomUUID();
        CloudEvent event = EVENTS.create(data, id);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(id.toString());
        assertThat(event.getSource()).isEqualTo(URI.create("urn:margin:ingress"));
        assertThat(event.getType()).isEqualTo(data.type().type());
        assertThat(event.getDataSchema()).isEqualTo(data.type().dataSchema());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getTime().toInstant()).isEqualTo(NOW);
        assertThat(event.getSubject()).isNull();
        assertThat(event.getExtensionNames()).isEmpty();
        assertThat(EVENTS.create(data).getId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void dataHoldsOnlyPseudonymsNumbersTimesAndClosedValues(EventData data) {
        Set<String> identifiers = Set.of("kind", "lms");
        walk(data.toJson(), "", (path, value) -> {
            if (!value.isString()) {
                assertThat(value.isNumber() || value.isBoolean() || value.isNull()).as(path).isTrue();
                return;
            }
            String text = value.asString();
            String member = path.substring(path.lastIndexOf('/') + 1);
            if (identifiers.contains(member)) {
                assertThat(text).as(path).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
            } else if (member.endsWith("At")) {
                assertThat(Instant.parse(text)).as(path).isNotNull();
            } else {
                assertThat(member).as(path).endsWith("Id");
                assertThat(UUID.fromString(text).toString()).as(path).isEqualTo(text);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRefusesAnUnknownMemberWithoutQuotingIt(EventData data) {
        ObjectNode json = data.toJson();
        json.put("studentName", NAME);

        assertRefused(data.type(), json, "studentName");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRefusesAnEmailInPlaceOfAPseudonym(EventData data) {
        ObjectNode json = data.toJson();
        json.put("studentId".equals(firstId(json)) ? "studentId" : firstId(json), EMAIL);

        assertRefused(data.type(), json, EMAIL);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRefusesAMissingMember(EventData data) {
        ObjectNode json = data.toJson();
        json.remove("institutionId");

        assertRefused(data.type(), json, null);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRefusesTextWhereANumberOrTimeBelongs(EventData data) {
        ObjectNode json = data.toJson();
        String member = switch (data.type()) {
            case SUBMISSION_CREATED, WRITING_ANALYZED -> "submittedAt";
            case PROFILE_UPDATED -> "submissionCount";
            case INTEGRITY_CHECKED -> "threshold";
            case ALERT_RAISED -> "alertCount";
            case STUDENT_ERASED -> "erasedAt";
        };
        json.put(member, ESSAY);

        assertRefused(data.type(), json, ESSAY);
    }

    @Test
    void schemasRefuseValuesOutOfRange() {
        ObjectNode lms = Samples.all().get(0).toJson().put("lms", "blackboard");
        assertRefused(EventType.SUBMISSION_CREATED, lms, "blackboard");

        ObjectNode time = Samples.all().get(0).toJson().put("submittedAt", "2026-02-30T25:00:00Z");
        assertRefused(EventType.SUBMISSION_CREATED, time, "2026-02-30");

        ObjectNode metrics = Samples.all().get(1).toJson();
        ((ObjectNode) metrics.get("metrics")).put("wordCount", -3);
        assertRefused(EventType.WRITING_ANALYZED, metrics, null);

        ObjectNode similarity = Samples.all().get(3).toJson();
        ((ObjectNode) similarity.get("matches").get(0)).put("similarity", 1.5);
        assertRefused(EventType.INTEGRITY_CHECKED, similarity, null);

        ObjectNode kind = Samples.all().get(4).toJson().put("kind", NAME);
        assertRefused(EventType.ALERT_RAISED, kind, NAME);
    }

    @Test
    void mtldMayBeNullButNotAbsent() {
        WritingAnalyzed shortText = new WritingAnalyzed(Samples.INSTITUTION, Samples.COURSE, Samples.SUBMISSION,
                Samples.STUDENT, Samples.SUBMITTED, new WritingAnalyzed.Metrics(3, 1, 14, 3, 100, 0.5, 1.2, 3.1, 0.4,
                -1.2, 1, OptionalDouble.empty(), 3, 0));
        assertThat(MarginEvents.read(EVENTS.create(shortText)))
                .isEqualTo(new EventRead.Valid<>(EventType.WRITING_ANALYZED, shortText));

        ObjectNode json = shortText.toJson();
        ((ObjectNode) json.get("metrics")).remove("mtld");
        assertRefused(EventType.WRITING_ANALYZED, json, null);
    }

    @Test
    void recordsRefuseIdentifiersThatCouldCarryText() {
        assertThatThrownBy(() -> new AlertRaised(Samples.INSTITUTION, Samples.COURSE, Samples.STUDENT, Samples.RULE,
                EMAIL, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(EMAIL);
        assertThatThrownBy(() -> new AlertRaised(Samples.INSTITUTION, Samples.COURSE, Samples.STUDENT, Samples.RULE,
                NAME, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(NAME);
        assertThatThrownBy(() -> MarginEvents.forFunction("Writing Analysis"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeProblemsAreTypedRejections() {
        EventData data = Samples.all().get(0);
        CloudEvent good = EVENTS.create(data);

        assertRejected(CloudEventBuilder.v1(good).withType("org.margin.submission.deleted.v1").build(),
                EventRead.Reason.UNKNOWN_TYPE);
        assertRejected(CloudEventBuilder.v1(good).withDataContentType("text/plain").build(),
                EventRead.Reason.NOT_JSON_CONTENT);
        assertRejected(CloudEventBuilder.v1(good)
                        .withDataSchema(URI.create("https://schemas.margin.dev/events/alert.raised/v1.json")).build(),
                EventRead.Reason.WRONG_SCHEMA);
        assertRejected(CloudEventBuilder.v1(good).withoutData().build(), EventRead.Reason.NO_DATA);
        assertRejected(CloudEventBuilder.v1(good).withData(("{\"note\": \"" + ESSAY).getBytes(StandardCharsets.UTF_8))
                .build(), EventRead.Reason.MALFORMED_DATA);

        assertThat(MarginEvents.read(good, AlertRaised.class))
                .isEqualTo(new EventRead.Rejected<>(EventRead.Reason.UNKNOWN_TYPE,
                        "the event type is not the one expected here"));
    }

    @Test
    void contentTypeWithParametersAndAbsentDataschemaAreRead() {
        EventData data = Samples.all().get(2);
        CloudEvent event = CloudEventBuilder.v1(EVENTS.create(data))
                .withDataContentType("application/json; charset=utf-8").withoutDataSchema().build();

        assertThat(MarginEvents.read(event)).isEqualTo(new EventRead.Valid<>(data.type(), data));
    }

    private static void assertRejected(CloudEvent event, EventRead.Reason reason) {
        EventRead<EventData> read = MarginEvents.read(event);
        assertThat(read).isInstanceOfSatisfying(EventRead.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.detail()).doesNotContain(ESSAY);
        });
    }

    private static void assertRefused(EventType type, ObjectNode json, String mustNotAppear) {
        CloudEvent event = CloudEventBuilder.v1(EVENTS.create(Samples.all().get(type.ordinal())))
                .withData(Json.MAPPER.writeValueAsBytes(json)).build();
        EventRead<EventData> read = MarginEvents.read(event);
        assertThat(read).isInstanceOfSatisfying(EventRead.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(EventRead.Reason.SCHEMA_VIOLATION);
            assertThat(rejected.detail()).startsWith(type.type() + " data breaks its schema: ");
            if (mustNotAppear != null) {
                assertThat(rejected.detail()).doesNotContain(mustNotAppear);
            }
        });
    }

    private static String firstId(ObjectNode json) {
        return Arrays.stream(new String[] {"studentId", "submissionId"}).filter(json::has).findFirst().orElseThrow();
    }

    private interface Visitor {
        void visit(String path, JsonNode value);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                walk(node.get(name), path + "/" + name, visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        } else {
            visitor.visit(path, node);
        }
    }

}
