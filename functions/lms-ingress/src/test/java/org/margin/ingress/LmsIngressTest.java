package org.margin.ingress;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.access.AccessPolicy;
import org.margin.access.Decision;
import org.margin.events.EventRead;
import org.margin.events.MarginEvents;
import org.margin.events.SubmissionCreated;
import org.margin.events.lms.HmacSignature;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.platform.Platform;
import org.margin.platform.consent.UnknownAge;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The ingress over real HTTP, with a real PostgreSQL, a real Hazelcast member and a real receiving runtime standing
 * in for the broker.
 */
class LmsIngressTest {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final byte[] MOODLE_SECRET = "moodle north shared secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);
    private static final String ESSAY = "<p>Rivers carve valleys over thousands of years.</p><p>Floods move the "
            + "most sediment, and Ada Quill of 12 Elm Street wrote this.</p>";

    private static LocalDatabase database;
    private static LocalGrid members;
    private static RSAKey canvasKey;
    private static final CopyOnWriteArrayList<io.cloudevents.CloudEvent> emitted = new CopyOnWriteArrayList<>();
    private static FunctionRuntime broker;
    private static int brokerPort;
    private static FunctionRuntime ingress;
    private static Map<String, String> environment;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path directory = Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        int databasePort = freePort();
        environment = new HashMap<>(LocalConnection.environment(directory, databasePort));
        database = LocalDatabase.start(directory, databasePort);
        int gridPort = freePort();
        members = LocalGrid.start("margin-test-" + UUID.randomUUID(), gridPort, 1);
        canvasKey = new RSAKeyGenerator(2048).keyID("canvas-test").generate();
        brokerPort = freePort();
        broker = startBroker();
        environment.put(Grid.MEMBERS, "127.0.0.1:" + gridPort);
        environment.put(Grid.CLUSTER, members.clusterName());
        environment.put("MARGIN_KEK_DIR", directory.resolve("keys").toString());
        environment.put(HttpEventSink.K_SINK, "http://127.0.0.1:" + brokerPort + "/");
        environment.put("MARGIN_LMS_SOURCES", """
                [{"id": "moodle-north", "institutionId": "%s", "lms": "moodle", "hmacSecrets": ["%s"]},
                 {"id": "canvas-north", "institutionId": "%s", "lms": "canvas", "issuer": "canvas-test",
                  "jwks": %s}]""".formatted(INSTITUTION, Base64.getEncoder().encodeToString(MOODLE_SECRET),
                INSTITUTION, new JWKSet(canvasKey.toPublicJWK()).toString()));
        environment.put(RuntimeSettings.PORT, "0");
        environment.put(UnknownAge.VARIABLE, "process");
        // Shared with the test's own grid client, which plays another function instance reading the same epochs.
        environment.put(Grid.PSEUDONYM_KEY, Base64.getEncoder().encodeToString(
                "pseudonym key of this test run, 32+ bytes".getBytes(StandardCharsets.UTF_8)));
        try (Store store = database.storeBuilder().build()) {
            store.institutions().register(new TenantId(INSTITUTION), "North district");
            KeysetBootstrap.ensure(KeysetBootstrap.keysets(store, environment, "test"));
        }
        ingress = LmsIngressFunction.runtime(environment).build().start();
    }

    @AfterAll
    static void stop() {
        ingress.stop();
        broker.stop();
        members.close();
        database.close();
    }

    @BeforeEach
    void clear() {
        emitted.clear();
    }

    @Test
    void aSignedMoodleSubmissionIsStoredEncryptedUnderPseudonymsAndAnnounced() throws Exception {
        HttpResponse<String> response = post("moodle-north", moodle(7001, 801, 1207), signed(moodle(7001, 801, 1207)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"stored\":1,\"awaitingText\":0}");
        SubmissionCreated created = announced();
        assertThat(created.institutionId()).isEqualTo(INSTITUTION);
        try (Platform platform = Platform.fromEnvironment(environment, "test-reader", OpenTelemetry.noop().getMeter("test"))) {
            String text = platform.texts().read(new TenantId(INSTITUTION), new SubmissionId(created.submissionId()))
                    .orElseThrow().text();
            assertThat(text).isEqualTo("Rivers carve valleys over thousands of years.\n\nFloods move the most "
                    + "sediment, and Ada Quill of 12 Elm Street wrote this.");
        }
        assertThat(tableText()).doesNotContain("Ada Quill", "Elm Street", "1207", "Rivers carve");
    }

    @Test
    void theSameSubmissionSentAgainWithAFreshSignatureIsStoredOnceAndAnnouncedWithTheSameId() throws Exception {
        post("moodle-north", moodle(7002, 801, 1208), signed(moodle(7002, 801, 1208)));
        UUID firstEvent = UUID.fromString(emitted.getFirst().getId());
        emitted.clear();
        Thread.sleep(1_100);

        HttpResponse<String> again = post("moodle-north", moodle(7002, 801, 1208), signed(moodle(7002, 801, 1208)));

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(UUID.fromString(emitted.getFirst().getId())).isEqualTo(firstEvent);
    }

    @Test
    void webhooksArrivingTogetherAreEachStoredAndAnnouncedOnceUnderTheirStudentsPseudonym() throws Exception {
        List<HttpResponse<String>> answers;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> sent = IntStream.range(0, 40).mapToObj(i -> senders.submit(() -> {
                String body = moodle(7100 + i, 803, 1300 + i % 8);
                return post("moodle-north", body, signed(body));
            })).toList();
            answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo("{\"stored\":1,\"awaitingText\":0}");
        });
        List<SubmissionCreated> created = emitted.stream()
                .map(event -> ((EventRead.Valid<SubmissionCreated>) MarginEvents.read(event, SubmissionCreated.class))
                        .data()).toList();
        assertThat(created).hasSize(40);
        assertThat(created).extracting(SubmissionCreated::submissionId).doesNotHaveDuplicates();
        assertThat(created).extracting(SubmissionCreated::courseId).containsOnly(created.getFirst().courseId());
        assertThat(created.stream()
                .collect(Collectors.groupingBy(SubmissionCreated::studentId, Collectors.counting())))
                .as("eight students, five submissions each").hasSize(8)
                .allSatisfy((student, submissions) -> assertThat(submissions).isEqualTo(5L));
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingress.port() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher sum = Pattern.compile("(?m)^margin_ingress_group_size_sum(\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(sum.find()).as("the group size histogram is exported").isTrue();
        assertThat(Double.parseDouble(sum.group(2))).as("these 40 and each new student's first try, at least")
                .isGreaterThanOrEqualTo(48);
    }

    @Test
    void aCapturedWebhookSentAgainIsRefusedAsAReplay() throws Exception {
        String body = moodle(7003, 801, 1209);
        String signature = signed(body);
        assertThat(post("moodle-north", body, signature).statusCode()).isEqualTo(202);
        emitted.clear();

        HttpResponse<String> replay = post("moodle-north", body, signature);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("webhook-replayed");
        assertThat(emitted).isEmpty();
    }

    @Test
    void unsignedForgedStaleUnknownAndMalformedWebhooksAreRefusedWithTheirReason() throws Exception {
        String body = moodle(7004, 801, 1210);
        long stale = Instant.now().minusSeconds(3_600).getEpochSecond();

        assertThat(post("moodle-north", body, null).statusCode()).isEqualTo(401);
        assertThat(post("moodle-north", body, "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64))
                .statusCode()).isEqualTo(401);
        assertThat(post("moodle-north", body, HmacSignature.sign(MOODLE_SECRET, stale, bytes(body))).statusCode())
                .isEqualTo(401);
        assertThat(post("nobody", body, signed(body)).statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = post("moodle-north", "{\"courseid\": 1}", signed("{\"courseid\": 1}"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(emitted).isEmpty();
    }

    @Test
    void aKnownStudentEnrolledByAWebhookIsShownAtOnceToAnEducatorRefusedBeforeOnAnotherInstance() throws Exception {
        TenantId tenant = new TenantId(INSTITUTION);
        assertThat(post("moodle-north", moodle(7101, 901, 1301), signed(moodle(7101, 901, 1301))).statusCode())
                .isEqualTo(202);
        PersonId student = new PersonId(announced().studentId());
        emitted.clear();
        try (Store store = database.storeBuilder().build();
             Grid grid = Grid.builder().environment(environment).build()) {
            CourseId next = store.courses().ensure(tenant, "moodle:902", "moodle:902");
            PersonId educator = store.people().register(tenant, new PersonIdentity(Opaque.of(bytes("educator")),
                    Optional.empty(), Optional.empty(), Optional.empty(),
                    Opaque.of(bytes("educator:" + UUID.randomUUID())), Optional.empty()));
            store.enrollments().enroll(tenant, next, educator, EnrollmentRole.TEACHER, LocalDate.now().minusDays(30),
                    Optional.empty());
            grid.connect();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!grid.trusted() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(grid.trusted()).as("the other instance's grid client registered").isTrue();
            AccessPolicy elsewhere = AccessPolicy.create(store, Optional.of(grid), Clock.systemUTC());
            Caller teacher = new Caller(educator.toString(), Optional.of(INSTITUTION), Role.EDUCATOR,
                    Optional.of(educator.value()), Set.of("profiles:read"));
            assertThat(elsewhere.student(teacher, tenant, student)).isInstanceOf(Decision.Denied.class);

            assertThat(post("moodle-north", moodle(7102, 902, 1301), signed(moodle(7102, 902, 1301))).statusCode())
                    .isEqualTo(202);

            assertThat(announced().studentId()).isEqualTo(student.value());
            assertThat(elsewhere.student(teacher, tenant, student)).as("the cached refusal was retired")
                    .isInstanceOf(Decision.Permitted.class);
        }
    }

    @Test
    void aSubmissionWithoutItsTextIsAcknowledgedButNotStored() throws Exception {
        String body = moodle(7005, 801, 1211).replace("assignsubmission_onlinetext\\\\event\\\\assessable_uploaded",
                "mod_assign\\\\event\\\\assessable_submitted");

        HttpResponse<String> response = post("moodle-north", body, signed(body));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"stored\":0,\"awaitingText\":1}");
        assertThat(emitted).isEmpty();
    }

    @Test
    void aCanvasLiveEventSignedAsAJwtIsTaken() throws Exception {
        HttpResponse<String> response = post("canvas-north", canvasJwt(), null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(announced().lms().wireName()).isEqualTo("canvas");
    }

    @Test
    void whenTheBrokerIsDownTheLmsIsAskedToRetryAndItsRetryIsTaken() throws Exception {
        broker.stop();
        String body = moodle(7006, 802, 1212);
        String signature = signed(body);
        try {
            HttpResponse<String> down = post("moodle-north", body, signature);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("retry-after")).isPresent();
        } finally {
            broker = startBroker();
        }

        HttpResponse<String> retried = post("moodle-north", body, signature);

        assertThat(retried.statusCode()).as("the same delivery, released after the failure").isEqualTo(202);
        assertThat(announced().courseId()).isNotNull();
    }

    private static FunctionRuntime startBroker() {
        return FunctionRuntime.builder().service("broker")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", Integer.toString(brokerPort))))
                .deliveryLedger(DeliveryLedger.none())
                .anyOtherCloudEvent(event -> {
                    emitted.add(event);
                    return EventOutcome.accepted();
                })
                .build().start();
    }

    private SubmissionCreated announced() {
        assertThat(emitted).hasSize(1);
        EventRead<SubmissionCreated> read = MarginEvents.read(emitted.getFirst(), SubmissionCreated.class);
        assertThat(read).isInstanceOf(EventRead.Valid.class);
        return ((EventRead.Valid<SubmissionCreated>) read).data();
    }

    private HttpResponse<String> post(String source, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ingress.port() + "/webhooks/" + source))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Margin-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signed(String body) {
        return HmacSignature.sign(MOODLE_SECRET, Instant.now().getEpochSecond(), bytes(body));
    }

    private static String moodle(long submission, long course, long user) {
        return """
                {"eventname": "\\\\assignsubmission_onlinetext\\\\event\\\\assessable_uploaded",
                 "component": "assignsubmission_onlinetext", "objecttable": "assign_submission",
                 "objectid": %d, "contextinstanceid": 418, "userid": %d, "courseid": %d,
                 "other": {"content": "%s"}, "timecreated": %d}""".formatted(submission, user, course,
                ESSAY.replace("\"", "\\\""), Instant.now().getEpochSecond());
    }

    private static String canvasJwt() throws JOSEException, java.text.ParseException {
        String event = """
                {"metadata": {"context_id": "734", "context_type": "Course", "event_name": "submission_created",
                  "event_time": "%s", "user_id": "51207", "producer": "canvas"},
                 "body": {"assignment_id": "9120", "attempt": 1, "body": "<p>Rivers shape towns.</p>",
                  "submission_id": "283344", "submission_type": "online_text_entry", "submitted_at": "%s",
                  "user_id": "51207", "workflow_state": "submitted"}}""".formatted(Instant.now(), Instant.now());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(canvasKey.getKeyID())
                .type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder(JWTClaimsSet.parse(event)).issuer("canvas-test")
                        .issueTime(Date.from(Instant.now().minusSeconds(1)))
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new RSASSASigner(canvasKey));
        return jwt.serialize();
    }

    /** Every identifying and text column, as the database holds them. */
    private static String tableText() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
             Statement statement = owner.createStatement()) {
            for (String query : List.of("SELECT body, source_lookup FROM margin.submissions",
                    "SELECT lms_user_id, lms_user_lookup FROM margin.person_identities")) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        for (int column = 1; column <= 2; column++) {
                            byte[] value = rows.getBytes(column);
                            if (value != null) {
                                all.append(new String(value, StandardCharsets.ISO_8859_1)).append('\n');
                            }
                        }
                    }
                }
            }
        }
        return all.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
