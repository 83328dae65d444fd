package org.margin.alerts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.alerts.EducatorAlertsFunction;
import org.margin.alerts.TestWorld;
import org.margin.alerts.rule.AlertRuleDefinition;
import org.margin.alerts.rule.Comparison;
import org.margin.alerts.rule.Inactivity;
import org.margin.alerts.rule.MetricThreshold;
import org.margin.alerts.rule.RuleJson;
import org.margin.alerts.rule.SimilarityFinding;
import org.margin.events.AlertRaised;
import org.margin.events.EventRead;
import org.margin.events.EventType;
import org.margin.events.IntegrityChecked;
import org.margin.events.MarginEvents;
import org.margin.events.WritingAnalyzed;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.store.Store;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.course.CourseId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;

import io.cloudevents.CloudEvent;

/**
 * The function built from its environment, as Knative runs it, taking its three event types in binary mode on
 * {@code POST /} over real HTTP, with a real PostgreSQL, a real Hazelcast member and a real receiving runtime as its
 * sink.
 */
class AlertEventsOverHttpTest {

    private static final Instant NOW = TestWorld.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

    private static final CopyOnWriteArrayList<CloudEvent> emitted = new CopyOnWriteArrayList<>();
    private static Store store;
    private static LocalGrid members;
    private static FunctionRuntime broker;
    private static FunctionRuntime alerts;
    private final HttpClient http = HttpClient.newHttpClient();
    private TestWorld world;

    @BeforeAll
    static void start() {
        store = TestWorld.openStore();
        int gridPort = freePort();
        members = LocalGrid.start("margin-test-" + UUID.randomUUID(), gridPort, 1);
        broker = FunctionRuntime.builder().service("broker")
                .settings(RuntimeSettings.fromEnvironment(Map.of(RuntimeSettings.PORT, "0")))
                .deliveryLedger(DeliveryLedger.none())
                .anyOtherCloudEvent(event -> {
                    emitted.add(event);
                    return EventOutcome.accepted();
                })
                .build().start();
        Map<String, String> environment = new HashMap<>(TestWorld.databaseEnvironment());
        environment.put(Grid.MEMBERS, "127.0.0.1:" + gridPort);
        environment.put(Grid.CLUSTER, members.clusterName());
        environment.put("MARGIN_KEK_DIR", Path.of("target", "test-keys", "run-" + ProcessHandle.current().pid())
                .toAbsolutePath().toString());
        environment.put(HttpEventSink.K_SINK, "http://127.0.0.1:" + broker.port() + "/");
        environment.put(RuntimeSettings.PORT, "0");
        KeysetBootstrap.ensure(KeysetBootstrap.keysets(store, environment, "test"));
        alerts = EducatorAlertsFunction.runtime(environment, Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    }

    @AfterAll
    static void stop() {
        alerts.stop();
        broker.stop();
        members.close();
        store.close();
    }

    @BeforeEach
    void createWorld() {
        world = TestWorld.create(store);
        emitted.clear();
    }

    @Test
    void anAnalysisCrossingARuleIsAnnouncedOnceWithAnIdFromRuleAndSubmission() throws Exception {
        AlertRuleId rule = define(Optional.of(world.course()), new MetricThreshold(Metric.MTLD, Comparison.BELOW, 40));
        SubmissionId submission = world.submit(world.student(), NOW.minusSeconds(3600));
        CloudEvent analyzed = MarginEvents.forFunction("writing-analysis").create(new WritingAnalyzed(
                world.tenant().value(), world.course().value(), submission.value(), world.student().value(),
                NOW.minusSeconds(3600), new WritingAnalyzed.Metrics(250, 12, 1400, 360, 61.2, 9.1, 11.4, 10.2, 10.8,
                9.7, 0.52, OptionalDouble.of(31.5), 20.8, 6.3)));

        assertThat(post(analyzed).statusCode()).isEqualTo(202);

        assertThat(emitted).singleElement().satisfies(event -> {
            assertThat(event.getSource()).isEqualTo(URI.create("urn:margin:educator-alerts"));
            assertThat(event.getId()).isEqualTo(id(rule, "submission:" + submission.value()));
            assertThat(read(event)).isEqualTo(new AlertRaised(world.tenant().value(), world.course().value(),
                    world.student().value(), rule.value(), "metric_threshold", 2));
        });
        emitted.clear();
        assertThat(post(MarginEvents.forFunction("writing-analysis").create(analyzed(analyzed))).statusCode())
                .as("the same analysis under a new event id").isEqualTo(202);
        assertThat(emitted).as("raised before: announced again under the same id, in case the first was lost")
                .singleElement().satisfies(event ->
                        assertThat(event.getId()).isEqualTo(id(rule, "submission:" + submission.value())));
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alerts.port() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).as("the size of the groups the raises went in, exported")
                .containsPattern("(?m)^margin_alerts_group_size_count(\\{[^}]*})? [1-9]");
    }

    @Test
    void aSimilarityFindingIsAnnounced() throws Exception {
        AlertRuleId rule = define(Optional.of(world.course()), new SimilarityFinding(0.7));
        SubmissionId submission = world.submit(world.student(), NOW.minusSeconds(60));

        assertThat(post(MarginEvents.forFunction("academic-integrity").create(new IntegrityChecked(
                world.tenant().value(), world.course().value(), submission.value(), world.student().value(), 0.5,
                true, List.of(new IntegrityChecked.Match(UUID.randomUUID(), 0.82))))).statusCode()).isEqualTo(202);

        assertThat(emitted).singleElement().satisfies(event -> {
            assertThat(event.getId()).isEqualTo(id(rule, "submission:" + submission.value()));
            assertThat(read(event).kind()).isEqualTo("similarity");
        });
    }

    @Test
    void theHourlyScheduleChecksInactivityInEveryInstitutionWithARule() throws Exception {
        AlertRuleId rule = define(Optional.of(world.course()), new Inactivity(14));
        world.submit(world.student(), NOW.minusSeconds(86_400L * 20));
        TestWorld elsewhere = TestWorld.create(store);
        AlertRuleId otherRule = store.alertRules().create(elsewhere.tenant(), new NewAlertRule(
                Optional.of(elsewhere.course()), new Inactivity(14).kind(),
                RuleJson.parameters(new Inactivity(14)).toString(), elsewhere.teacher()));

        HttpResponse<String> response = post(ping());

        assertThat(response.statusCode()).isEqualTo(202);
        List<AlertRaised> ours = emitted.stream().map(AlertEventsOverHttpTest::read)
                .filter(raised -> raised.institutionId().equals(world.tenant().value())).toList();
        assertThat(ours).containsExactly(new AlertRaised(world.tenant().value(), world.course().value(),
                world.student().value(), rule.value(), "inactivity", 2));
        assertThat(emitted).filteredOn(event -> read(event).ruleId().equals(otherRule.value()))
                .as("the other institution's student, idle since enrolment").hasSize(1);
        assertThat(emitted).filteredOn(event -> read(event).ruleId().equals(rule.value()))
                .singleElement().satisfies(event -> assertThat(event.getId()).isEqualTo(id(rule, "inactive:"
                        + world.course().value() + ":" + world.student().value() + ":"
                        + NOW.minusSeconds(86_400L * 20).atZone(ZoneOffset.UTC).toLocalDate())));

        emitted.clear();
        assertThat(post(ping()).statusCode()).isEqualTo(202);
        assertThat(emitted).filteredOn(event -> read(event).institutionId().equals(world.tenant().value()))
                .as("the same stretch, checked again").isEmpty();
    }

    @Test
    void anEventBreakingItsSchemaIsRejected() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alerts.port() + "/"))
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "urn:margin:writing-analysis").header("ce-type", EventType.WRITING_ANALYZED.type())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"institutionId\": \"someone@example.org\"}")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("someone@example.org");
        assertThat(emitted).isEmpty();
    }

    private AlertRuleId define(Optional<CourseId> course, AlertRuleDefinition rule) {
        return store.alertRules().create(world.tenant(), new NewAlertRule(course, rule.kind(),
                RuleJson.parameters(rule).toString(), world.teacher()));
    }

    private static WritingAnalyzed analyzed(CloudEvent event) {
        return ((EventRead.Valid<WritingAnalyzed>) MarginEvents.read(event, WritingAnalyzed.class)).data();
    }

    private static AlertRaised read(CloudEvent event) {
        assertThat(event.getType()).isEqualTo(EventType.ALERT_RAISED.type());
        EventRead<AlertRaised> read = MarginEvents.read(event, AlertRaised.class);
        assertThat(read).isInstanceOf(EventRead.Valid.class);
        return ((EventRead.Valid<AlertRaised>) read).data();
    }

    private static String id(AlertRuleId rule, String occasion) {
        return UUID.nameUUIDFromBytes(("alert.raised:" + rule.value() + ":" + occasion)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What the PingSource sends each hour: its own type and source, the configured data, no institution. */
    private static CloudEvent ping() {
        return io.cloudevents.core.builder.CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/apis/v1/namespaces/margin/pingsources/alerts-schedule"))
                .withType(AlertEventHandlers.SCHEDULE).withDataContentType("application/json")
                .withData("{\"reason\":\"schedule\"}".getBytes(StandardCharsets.UTF_8)).build();
    }

    /** The event in binary mode: attributes as {@code ce-} headers, the data as the body. */
    private HttpResponse<String> post(CloudEvent event) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alerts.port() + "/"))
                .timeout(Duration.ofSeconds(30))
                .header("ce-specversion", "1.0")
                .header("ce-id", event.getId())
                .header("ce-source", event.getSource().toString())
                .header("ce-type", event.getType())
                .header("Content-Type", event.getDataContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.getData().toBytes()));
        if (event.getDataSchema() != null) {
            request.header("ce-dataschema", event.getDataSchema().toString());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
