package org.margin.profiling.event;

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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.events.EventRead;
import org.margin.events.EventType;
import org.margin.events.MarginEvents;
import org.margin.events.ProfileUpdated;
import org.margin.events.WritingAnalyzed;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.profiling.support.School;
import org.margin.profiling.support.TestDatabase;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;

import io.cloudevents.CloudEvent;

/**
 * The function built from its environment, as Knative runs it, taking {@code writing.analyzed} in binary mode on
 * {@code POST /} over real HTTP, with a real PostgreSQL, a real Hazelcast member and a real receiving runtime as its
 * sink.
 */
class WritingAnalyzedOverHttpTest {

    private static final Instant SUBMITTED = Instant.parse("2026-09-20T10:00:00Z");
    private static final MarginEvents ANALYSIS = MarginEvents.forFunction("writing-analysis");

    private static final CopyOnWriteArrayList<CloudEvent> emitted = new CopyOnWriteArrayList<>();
    private static Store store;
    private static LocalGrid members;
    private static FunctionRuntime broker;
    private static FunctionRuntime profiling;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = TestDatabase.store();
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
        Map<String, String> environment = new HashMap<>(TestDatabase.environment());
        environment.put(Grid.MEMBERS, "127.0.0.1:" + gridPort);
        environment.put(Grid.CLUSTER, members.clusterName());
        environment.put("MARGIN_KEK_DIR", Path.of("target", "test-keys", "run-" + ProcessHandle.current().pid())
                .toAbsolutePath().toString());
        environment.put(HttpEventSink.K_SINK, "http://127.0.0.1:" + broker.port() + "/");
        environment.put(RuntimeSettings.PORT, "0");
        KeysetBootstrap.ensure(KeysetBootstrap.keysets(store, environment, "test"));
        profiling = StudentProfilingFunction.runtime(environment).build().start();
    }

    @AfterAll
    static void stop() {
        profiling.stop();
        broker.stop();
        members.close();
        store.close();
    }

    @BeforeEach
    void clear() {
        emitted.clear();
    }

    @Test
    void anAnalysedSubmissionIsRecordedOnceAndAnnouncedAsAProfileUpdate() throws Exception {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        SubmissionId submission = school.submit(student, SUBMITTED);
        WritingAnalyzed analyzed = analyzed(school, student, submission, OptionalDouble.of(72.5));

        assertThat(post(ANALYSIS.create(analyzed)).statusCode()).isEqualTo(202);

        assertThat(emitted).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(EventType.PROFILE_UPDATED.type());
            assertThat(event.getSource()).isEqualTo(URI.create("urn:margin:student-profiling"));
            assertThat(event.getId()).isEqualTo(UUID.nameUUIDFromBytes(("profile.updated:" + submission.value())
                    .getBytes(StandardCharsets.UTF_8)).toString());
            assertThat(MarginEvents.read(event, ProfileUpdated.class)).isEqualTo(new EventRead.Valid<>(
                    EventType.PROFILE_UPDATED, new ProfileUpdated(school.tenant().value(), school.course().value(),
                            student.value(), submission.value(), 1, SUBMITTED)));
        });

        String firstAnnouncement = emitted.getFirst().getId();
        emitted.clear();
        assertThat(post(ANALYSIS.create(analyzed)).statusCode()).as("the same analysis under a new event id")
                .isEqualTo(202);
        assertThat(emitted).as("announced again, in case the first announcement was lost, under the same id")
                .singleElement().satisfies(event -> assertThat(event.getId()).isEqualTo(firstAnnouncement));
        assertThat(store.profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES).orElseThrow()
                .submissions()).as("counted once").isEqualTo(1);
    }

    @Test
    void anAnalysisThatCannotBeRecordedIsRejectedAndAnnouncesNothing() throws Exception {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();

        HttpResponse<String> unknown = post(ANALYSIS.create(analyzed(school, student,
                new SubmissionId(UUID.randomUUID()), OptionalDouble.of(60))));
        HttpResponse<String> noMtld = post(ANALYSIS.create(analyzed(school, student,
                school.submit(student, SUBMITTED), OptionalDouble.empty())));

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(noMtld.statusCode()).isEqualTo(422);
        assertThat(noMtld.body()).contains("MTLD");
        assertThat(emitted).isEmpty();
    }

    @Test
    void theGridsTierMetricsAreServedWithTheRuntimesAtMetrics() throws Exception {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        assertThat(post(ANALYSIS.create(analyzed(school, student, school.submit(student, SUBMITTED),
                OptionalDouble.of(70))))).extracting(HttpResponse::statusCode).isEqualTo(202);

        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + profiling.port()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics).as("the recording buried the profile's cached copy everywhere")
                .contains("margin_grid_writes_total{cache=\"student-profiles\"")
                .contains("margin_grid_breaker_state")
                .contains("margin_events_total");
    }

    private static WritingAnalyzed analyzed(School school, PersonId student, SubmissionId submission,
                                            OptionalDouble mtld) {
        return new WritingAnalyzed(school.tenant().value(), school.course().value(), submission.value(),
                student.value(), SUBMITTED, new WritingAnalyzed.Metrics(250, 12, 1400, 360, 61.2, 9.1, 11.4, 10.2,
                10.8, 9.7, 0.52, mtld, 20.8, 6.3));
    }

    /** The event in binary mode: attributes as {@code ce-} headers, the data as the body. */
    private HttpResponse<String> post(CloudEvent event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + profiling.port() + "/"))
                .timeout(Duration.ofSeconds(30))
                .header("ce-specversion", "1.0")
                .header("ce-id", event.getId())
                .header("ce-source", event.getSource().toString())
                .header("ce-type", event.getType())
                .header("ce-dataschema", event.getDataSchema().toString())
                .header("Content-Type", event.getDataContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.getData().toBytes()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
