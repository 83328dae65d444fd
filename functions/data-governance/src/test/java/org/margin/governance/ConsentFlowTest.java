package org.margin.governance;

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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.analysis.WritingAnalysisFunction;
import org.margin.events.EventRead;
import org.margin.events.EventType;
import org.margin.events.MarginEvents;
import org.margin.events.SubmissionCreated;
import org.margin.events.lms.HmacSignature;
import org.margin.governance.consent.GetConsentsTool;
import org.margin.governance.consent.RecordConsentTool;
import org.margin.governance.consent.WithdrawConsentTool;
import org.margin.governance.roster.ImportRosterTool;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.ingress.LmsIngressFunction;
import org.margin.platform.Platform;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.store.Store;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;
import org.margin.store.tenant.TenantId;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Roster, consent and COPPA end to end: real PostgreSQL, a real Hazelcast member, the real LMS ingress and
 * writing-analysis runtimes on loopback, and a runtime standing in for the broker that records what reaches it.
 */
class ConsentFlowTest {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final UUID OTHER_INSTITUTION = UUID.randomUUID();
    private static final byte[] MOODLE_SECRET = "moodle north shared secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);
    private static final String CHILD_NAME = "Wren Halloway";
    private static final String CHILD_EMAIL = "wren.halloway@example.org";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate CHILD_BIRTH = TODAY.minusYears(10).minusDays(40);
    private static final LocalDate TEEN_BIRTH = TODAY.minusYears(13).minusDays(1);

    private static LocalDatabase database;
    private static LocalGrid members;
    private static final CopyOnWriteArrayList<CloudEvent> emitted = new CopyOnWriteArrayList<>();
    private static final CopyOnWriteArrayList<String> logged = new CopyOnWriteArrayList<>();
    private static final Handler LOG_CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static FunctionRuntime broker;
    private static FunctionRuntime ingress;
    private static FunctionRuntime analysis;
    private static Platform platform;
    private static Tool importRoster;
    private static Tool recordConsent;
    private static Tool withdrawConsent;
    private static Tool getConsents;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Logger.getLogger("").addHandler(LOG_CAPTURE);
        Path directory = Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        int databasePort = freePort();
        Map<String, String> environment = new HashMap<>(LocalConnection.environment(directory, databasePort));
        database = LocalDatabase.start(directory, databasePort);
        int gridPort = freePort();
        members = LocalGrid.start("margin-test-" + UUID.randomUUID(), gridPort, 1);
        int brokerPort = freePort();
        broker = FunctionRuntime.builder().service("broker")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", Integer.toString(brokerPort))))
                .deliveryLedger(DeliveryLedger.none())
                .anyOtherCloudEvent(event -> {
                    emitted.add(event);
                    return EventOutcome.accepted();
                })
                .build().start();
        environment.put(Grid.MEMBERS, "127.0.0.1:" + gridPort);
        environment.put(Grid.CLUSTER, members.clusterName());
        // One key for every function, as on Knative: the grid's entries of a student are found under the same name.
        byte[] pseudonymKey = new byte[32];
        new SecureRandom().nextBytes(pseudonymKey);
        environment.put(Grid.PSEUDONYM_KEY, Base64.getEncoder().encodeToString(pseudonymKey));
        environment.put("MARGIN_KEK_DIR", directory.resolve("keys").toString());
        environment.put(HttpEventSink.K_SINK, "http://127.0.0.1:" + brokerPort + "/");
        environment.put("MARGIN_LMS_SOURCES", """
                [{"id": "moodle-north", "institutionId": "%s", "lms": "moodle", "hmacSecrets": ["%s"]}]"""
                .formatted(INSTITUTION, Base64.getEncoder().encodeToString(MOODLE_SECRET)));
        environment.put(RuntimeSettings.PORT, "0");
        try (Store store = database.storeBuilder().build()) {
            store.institutions().register(new TenantId(INSTITUTION), "North district");
            store.institutions().register(new TenantId(OTHER_INSTITUTION), "South district");
            KeysetBootstrap.ensure(KeysetBootstrap.keysets(store, environment, "test"));
        }
        // The production default: a student of unknown age is held like a child.
        ingress = LmsIngressFunction.runtime(environment).build().start();
        analysis = WritingAnalysisFunction.runtime(environment).build().start();
        platform = Platform.fromEnvironment(environment, "data-governance", OpenTelemetry.noop().getMeter("test"));
        Store store = platform.store();
        Governance governance = Governance.of(platform, java.time.Clock.systemUTC());
        importRoster = ImportRosterTool.tool(platform.pseudonyms(), store.courses(), store.enrollments(),
                platform.parentalConsent(), platform.heldEvents(), platform.sink(), governance.access(),
                governance.audit());
        recordConsent = RecordConsentTool.tool(store.consents(), store.heldEvents(), platform.parentalConsent(),
                platform.heldEvents(), platform.consentGate(), platform.sink(), governance.access(),
                governance.audit());
        withdrawConsent = WithdrawConsentTool.tool(store.consents(), platform.consentGate(), governance.access(),
                governance.audit());
        getConsents = GetConsentsTool.tool(store.consents(), store.heldEvents(), governance.access(),
                governance.audit());
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(LOG_CAPTURE);
        platform.close();
        analysis.stop();
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
    void aChildsSubmissionsAreHeldUntilAParentConsentsThenReleasedInOrderAndNoneIsLost() throws Exception {
        UUID child = rosterPerson("3001", Optional.of(CHILD_NAME), Optional.of(CHILD_EMAIL),
                Optional.of(CHILD_BIRTH));

        HttpResponse<String> first = webhook(9101, 3001, Instant.now().minusSeconds(120));
        HttpResponse<String> second = webhook(9102, 3001, Instant.now().minusSeconds(60));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("{\"stored\":1,\"awaitingText\":0,\"held\":1}");
        assertThat(second.body()).contains("\"held\":1");
        assertThat(emitted).as("nothing reaches the broker before a parent consents").isEmpty();
        assertThat(heldRows(child)).isEqualTo(2);
        assertThat(structured(call(getConsents, admin("consent:read"), args("studentId", child.toString())))
                .get("held").asLong()).isEqualTo(2);

        JsonNode ownConsent = structured(call(recordConsent, admin("consent:write"),
                consent(child, "student", null, "analysis")));
        assertThat(ownConsent.get("released").asInt()).as("a child's own consent is not a parent's").isZero();
        assertThat(ownConsent.get("stillHeld").asLong()).isEqualTo(2);
        assertThat(emitted).isEmpty();

        JsonNode parental = structured(call(recordConsent, admin("consent:write"),
                consent(child, "parent_or_guardian", "signed_form", "analysis", "profiling", "integrity")));

        assertThat(parental.get("released").asInt()).isEqualTo(2);
        assertThat(parental.get("stillHeld").asLong()).isZero();
        assertThat(heldRows(child)).isZero();
        List<SubmissionCreated> released = announced();
        assertThat(released).hasSize(2);
        assertThat(released).allSatisfy(created -> assertThat(created.studentId()).isEqualTo(child));
        assertThat(released.get(0).submittedAt()).as("in their original order")
                .isBefore(released.get(1).submittedAt());

        emitted.clear();
        HttpResponse<String> afterConsent = webhook(9103, 3001, Instant.now());
        assertThat(afterConsent.body()).isEqualTo("{\"stored\":1,\"awaitingText\":0}");
        assertThat(announced()).hasSize(1);
    }

    @Test
    void aTeenIsNotHeld() throws Exception {
        UUID teen = rosterPerson("3002", Optional.of("Jory Penhale"), Optional.empty(), Optional.of(TEEN_BIRTH));

        HttpResponse<String> response = webhook(9201, 3002, Instant.now());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"stored\":1,\"awaitingText\":0}");
        assertThat(announced()).singleElement().satisfies(created -> assertThat(created.studentId()).isEqualTo(teen));
    }

    @Test
    void aStudentOfUnknownAgeIsHeldUntilTheRosterShowsTheyAreThirteenOrOlder() throws Exception {
        HttpResponse<String> response = webhook(9301, 3003, Instant.now());
        assertThat(response.body()).contains("\"held\":1");
        assertThat(emitted).isEmpty();

        JsonNode imported = structured(call(importRoster, admin("roster:write"), roster("3003",
                TODAY.minusYears(16))));

        assertThat(imported.get("registered").asInt()).as("the webhook made the pseudonym; the roster found it")
                .isZero();
        assertThat(imported.get("released").asInt()).isEqualTo(1);
        assertThat(announced()).hasSize(1);
    }

    @Test
    void aStudentWhoWithdrewAnalysisConsentIsNotAnalysedAndTheEventIsAcknowledged() throws Exception {
        UUID withdrawn = rosterPerson("3004", Optional.empty(), Optional.empty(), Optional.of(TEEN_BIRTH));
        UUID control = rosterPerson("3005", Optional.empty(), Optional.empty(), Optional.of(TEEN_BIRTH));
        webhook(9401, 3004, Instant.now());
        webhook(9402, 3005, Instant.now());
        List<CloudEvent> submissions = List.copyOf(emitted);
        assertThat(submissions).hasSize(2);
        JsonNode result = structured(call(withdrawConsent,
                CallerContext.student(INSTITUTION, withdrawn, "consent:write"),
                purposes(args("studentId", withdrawn.toString()), "analysis")));
        assertThat(result.get("withdrawn").get(0).get("hadConsent").asBoolean())
                .as("never consented: the objection is recorded all the same").isFalse();
        emitted.clear();

        HttpEventSink toAnalysis = new HttpEventSink(URI.create("http://127.0.0.1:" + analysis.port() + "/"),
                Map.of());
        for (CloudEvent submission : submissions) {
            toAnalysis.send(submission);
        }

        assertThat(emitted).as("only the student who did not withdraw is analysed").singleElement()
                .satisfies(event -> {
                    assertThat(event.getType()).isEqualTo(EventType.WRITING_ANALYZED.type());
                    assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                            .contains(control.toString()).doesNotContain(withdrawn.toString());
                });
        JsonNode consents = structured(call(getConsents,
                CallerContext.student(INSTITUTION, withdrawn, "consent:read"), args("studentId", withdrawn.toString())));
        assertThat(consents.get("processing").get("analysis").asBoolean()).isFalse();
        assertThat(consents.get("processing").get("profiling").asBoolean()).isTrue();
    }

    /**
     * The analysis instance admitted the student a moment ago, so it holds their status; the withdrawal, made by
     * another instance (data governance), is in force there for the very next event.
     */
    @Test
    void aWithdrawalIsInForceAtOnceOnAnInstanceThatHadJustAdmittedTheStudent() throws Exception {
        UUID student = rosterPerson("3008", Optional.empty(), Optional.empty(), Optional.of(TEEN_BIRTH));
        webhook(9411, 3008, Instant.now().minusSeconds(60));
        webhook(9412, 3008, Instant.now());
        List<CloudEvent> submissions = List.copyOf(emitted);
        assertThat(submissions).hasSize(2);
        emitted.clear();
        HttpEventSink toAnalysis = new HttpEventSink(URI.create("http://127.0.0.1:" + analysis.port() + "/"),
                Map.of());
        toAnalysis.send(submissions.get(0));
        assertThat(emitted).as("analysed while consent stands").singleElement()
                .satisfies(event -> assertThat(event.getType()).isEqualTo(EventType.WRITING_ANALYZED.type()));
        emitted.clear();

        JsonNode result = structured(call(withdrawConsent, CallerContext.student(INSTITUTION, student, "consent:write"),
                purposes(args("studentId", student.toString()), "analysis")));
        toAnalysis.send(submissions.get(1));

        assertThat(result.get("inForceEverywhere").asBoolean()).isTrue();
        assertThat(emitted).as("the next event is not analysed").isEmpty();
    }

    @Test
    void callersWithoutTheRightToActAreRefused() {
        UUID student = rosterPerson("3006", Optional.empty(), Optional.empty(), Optional.of(TEEN_BIRTH));
        UUID classmate = rosterPerson("3007", Optional.empty(), Optional.empty(), Optional.of(TEEN_BIRTH));
        ObjectNode read = args("studentId", student.toString());

        assertThat(call(getConsents, null, read)).isInstanceOf(ToolError.class);
        assertThat(call(importRoster, admin("consent:write"), roster("3099", TEEN_BIRTH)))
                .as("without roster:write").isInstanceOf(ToolError.class);
        assertThat(call(getConsents, CallerContext.student(INSTITUTION, classmate, "consent:read"), read))
                .as("a student asking for another student").isInstanceOf(ToolError.class);
        assertThat(call(getConsents, CallerContext.educator(INSTITUTION, classmate, "consent:read"), read))
                .as("an educator").isInstanceOf(ToolError.class);
        assertThat(call(recordConsent, CallerContext.student(INSTITUTION, student, "consent:write"),
                consent(student, "student", null, "analysis"))).as("a student recording").isInstanceOf(ToolError.class);
        ToolOutcome otherTenant = call(recordConsent, CallerContext.administrator(OTHER_INSTITUTION, "consent:write"),
                consent(student, "institution", null, "analysis"));
        assertThat(otherTenant).as("another institution's administrator").isInstanceOf(ToolError.class);
        assertThat(((ToolError) otherTenant).message()).isEqualTo("No student with this id in your institution.");
        assertThat(call(recordConsent, admin("consent:write"), consent(student, "parent_or_guardian", null,
                "analysis"))).as("a parent's consent without its verification").isInstanceOf(ToolError.class);
        assertThat(structured(call(getConsents, CallerContext.student(INSTITUTION, student, "consent:read"), read))
                .get("consents")).as("and nothing was recorded").isEmpty();
    }

    @Test
    void noNameEmailOrBirthDateIsStoredInClearReturnedOrLogged() throws Exception {
        ObjectNode arguments = roster("730081", CHILD_BIRTH);
        ObjectNode person = (ObjectNode) arguments.get("people").get(0);
        person.put("name", CHILD_NAME);
        person.put("email", CHILD_EMAIL);
        ToolOutcome imported = call(importRoster, admin("roster:write"), arguments);
        ObjectNode invalid = roster("730081", CHILD_BIRTH);
        ((ObjectNode) invalid.get("people").get(0)).put("dateOfBirth", "2016-02-31");
        ToolOutcome refused = call(importRoster, admin("roster:write"), invalid);
        HttpResponse<String> held = webhook(9801, 730081, Instant.now());

        assertThat(refused).isInstanceOf(ToolError.class);
        assertThat(held.body()).contains("\"held\":1");
        String everything = String.join("\n", logged) + structured(imported) + refused + held.body()
                + identityBytes();
        assertThat(everything).doesNotContain(CHILD_NAME, CHILD_EMAIL, CHILD_BIRTH.toString(), "2016-02-31",
                "730081");
    }

    private static ObjectNode roster(String lmsUserId, LocalDate born) {
        ObjectNode arguments = Json.object();
        ObjectNode person = arguments.putArray("people").addObject();
        person.put("lmsUserId", lmsUserId);
        person.put("dateOfBirth", born.toString());
        return arguments;
    }

    private static ObjectNode purposes(ObjectNode arguments, String... purposes) {
        ArrayNode list = arguments.putArray("purposes");
        for (String purpose : purposes) {
            list.add(purpose);
        }
        return arguments;
    }

    /** The identifying columns as the database holds them. */
    private static String identityBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
             Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT lms_user_id, full_name, email, date_of_birth FROM margin.person_identities")) {
            while (rows.next()) {
                for (int column = 1; column <= 4; column++) {
                    byte[] value = rows.getBytes(column);
                    if (value != null) {
                        all.append(new String(value, StandardCharsets.ISO_8859_1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    private static ObjectNode consent(UUID student, String givenBy, String verification, String... purposes) {
        ObjectNode arguments = args("studentId", student.toString());
        arguments.put("givenBy", givenBy);
        if (verification != null) {
            arguments.put("verification", verification);
        }
        ArrayNode list = arguments.putArray("purposes");
        for (String purpose : purposes) {
            list.add(purpose);
        }
        return arguments;
    }

    private static UUID rosterPerson(String lmsUserId, Optional<String> name, Optional<String> email,
                                     Optional<LocalDate> born) {
        ObjectNode arguments = Json.object();
        ObjectNode person = arguments.putArray("people").addObject();
        person.put("lmsUserId", lmsUserId);
        name.ifPresent(value -> person.put("name", value));
        email.ifPresent(value -> person.put("email", value));
        born.ifPresent(value -> person.put("dateOfBirth", value.toString()));
        ObjectNode enrollment = person.putArray("enrollments").addObject();
        enrollment.put("courseCode", "moodle:801");
        enrollment.put("courseTitle", "Earth science");
        enrollment.put("role", "student");
        enrollment.put("startsOn", TODAY.minusMonths(1).toString());
        JsonNode result = structured(call(importRoster, admin("roster:write"), arguments));
        return UUID.fromString(result.get("pseudonyms").get(0).get("personId").asString());
    }

    static Caller admin(String... scopes) {
        return CallerContext.administrator(INSTITUTION, scopes);
    }

    static ToolOutcome call(Tool tool, Caller caller, ObjectNode arguments) {
        try {
            return tool.handler().call(new CallerContext(arguments, Optional.ofNullable(caller)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode structured(ToolOutcome outcome) {
        assertThat(outcome).isInstanceOf(ToolResult.class);
        return ((ToolResult) outcome).structuredContent();
    }

    static ObjectNode args(String name, String value) {
        ObjectNode arguments = Json.object();
        arguments.put(name, value);
        return arguments;
    }

    private HttpResponse<String> webhook(long submission, long user, Instant created) throws Exception {
        String body = """
                {"eventname": "\\\\assignsubmission_onlinetext\\\\event\\\\assessable_uploaded",
                 "component": "assignsubmission_onlinetext", "objecttable": "assign_submission",
                 "objectid": %d, "contextinstanceid": 418, "userid": %d, "courseid": 801,
                 "other": {"content": "<p>Glaciers grind rock into fine flour that rivers carry to the sea.</p>"},
                 "timecreated": %d}""".formatted(submission, user, created.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ingress.port() + "/webhooks/moodle-north"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Margin-Signature", HmacSignature.sign(MOODLE_SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<SubmissionCreated> announced() {
        List<SubmissionCreated> created = new ArrayList<>();
        for (CloudEvent event : emitted) {
            if (event.getType().equals(EventType.SUBMISSION_CREATED.type())
                    && MarginEvents.read(event, SubmissionCreated.class) instanceof EventRead.Valid<SubmissionCreated> v) {
                created.add(v.data());
            }
        }
        return created;
    }

    private static long heldRows(UUID student) throws Exception {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
             Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM margin.held_events WHERE person_id = '" + student + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
