package org.margin.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.member.LocalGrid;
import org.margin.integrity.check.CheckOutcome;
import org.margin.integrity.check.ReportShelf;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

import com.hazelcast.client.config.ClientConfig;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The function on real parts: an embedded PostgreSQL, a Hazelcast member, and its tools called over MCP on
 * loopback HTTP (the stateless 2026-07-28 revision).
 */
class IntegrityFunctionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RESOURCE = "http://127.0.0.1/mcp";
    private static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    private static final List<String> SCOPES = List.of("integrity:read");
    private static final String SERVICE_TOKEN = TOKENS.issue(DevTokens.Grant.service(RESOURCE, "integrity-test",
            SCOPES));
    private static final String SOURCE = """
            Parks and other green spaces are often treated as decoration in city planning, yet they do essential \
            work. Trees lower summer temperatures by shading streets and releasing water vapour, which can make a \
            leafy neighbourhood several degrees cooler than a nearby block of concrete and asphalt. Vegetation also \
            absorbs rainwater that would otherwise overload the drains during storms, reducing the risk of floods.""";
    private static final String COPY = """
            In my view green spaces do essential work. Trees lower summer temperatures by shading streets and \
            releasing water vapour, which can make a leafy neighbourhood several degrees cooler than a nearby \
            block of concrete and asphalt. That is all I have to say.""";
    private static final String OWN = """
            My town has one large park near the river. Early in the morning older residents walk their dogs, and \
            in the evening teenagers play football until it gets dark.""";

    private static LocalDatabase database;
    private static LocalGrid members;
    private static Store store;
    private static Grid grid;
    private static AcademicIntegrityFunction.Parts parts;
    private static FunctionRuntime runtime;

    @BeforeAll
    static void start() throws IOException {
        Path directory = Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        database = LocalDatabase.start(directory);
        store = database.storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10))
                .build();
        members = LocalGrid.start("margin-test-" + UUID.randomUUID(), freePort(), 1);
        ClientConfig client = GridConfigs.client(GridProfile.LOCAL);
        client.setClusterName(members.clusterName());
        client.setInstanceName("client-" + UUID.randomUUID());
        client.getNetworkConfig().setAddresses(members.addresses());
        grid = Grid.builder().clientConfig(client)
                .pseudonymKey("a test key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8)).build();
        parts = AcademicIntegrityFunction.Parts.of(store, grid, AcademicIntegrityFunction.DEFAULT_THRESHOLD);
        runtime = AcademicIntegrityFunction.runtime(parts)
                .settings(RuntimeSettings.fromEnvironment(java.util.Map.of()).withPort(0)
                        .withAccessTokens(TOKENS.settings(RESOURCE))).build().start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        members.close();
        database.close();
    }

    @Test
    void aCopiedSubmissionIsAFindingWithSpansInBothTextsAndRedeliveryFilesNothing() {
        Course course = Course.create();
        SubmissionId source = course.submit(SOURCE);
        SubmissionId copy = course.submit(COPY);
        assertThat(check(course, source)).isInstanceOfSatisfying(CheckOutcome.Checked.class,
                first -> assertThat(first.finding()).isFalse());

        CheckOutcome.Checked checked = (CheckOutcome.Checked) check(course, copy);
        assertThat(checked.finding()).isTrue();
        assertThat(checked.filed()).isPositive();
        var match = checked.report().matches().getFirst();
        assertThat(match.submission()).isEqualTo(source);
        var span = match.spans().getFirst();
        assertThat(SOURCE).contains(COPY.substring(span.checked().start(), span.checked().end()));
        assertThat(SOURCE.substring(span.matched().start(), span.matched().end()))
                .isEqualTo(COPY.substring(span.checked().start(), span.checked().end()));

        CheckOutcome.Checked again = (CheckOutcome.Checked) check(course, copy);
        assertThat(again.filed()).isZero();
        assertThat(again.report()).isEqualTo(checked.report());
    }

    @Test
    void anUnknownSubmissionIsSaidSo() {
        Course course = Course.create();
        SubmissionId unknown = new SubmissionId(UUID.randomUUID());

        assertThat(check(course, unknown)).isEqualTo(new CheckOutcome.UnknownSubmission(unknown));
    }

    @Test
    void checkSimilarityOverHttpGivesOffsetsAndExcerptsButNoOtherTextAndDisclosesTheMatchedStudent() {
        Course course = Course.create();
        SubmissionId source = course.submit(SOURCE);
        check(course, source);
        course.submit(OWN);

        ObjectNode arguments = course.arguments();
        arguments.put("text", COPY);
        JsonNode result = call(course.educatorToken(), "check_similarity", arguments);

        assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
        JsonNode match = result.path("structuredContent").path("matches").get(0);
        assertThat(match.path("submissionId").asString()).isEqualTo(source.toString());
        assertThat(match.path("similarity").asDouble()).isGreaterThan(0.5);
        JsonNode span = match.path("spans").get(0);
        assertThat(COPY).contains(span.path("checked").path("excerpt").asString());
        assertThat(span.path("matched").path("end").asInt()).isGreaterThan(span.path("matched").path("start").asInt());
        assertThat(result.toString()).doesNotContain("concrete and asphalt. Vegetation");
        assertThat(result.path("structuredContent").path("matches")).hasSize(1);

        List<JsonNode> disclosures = disclosures(course.tenant());
        assertThat(disclosures).hasSize(1);
        JsonNode disclosure = disclosures.getFirst();
        assertThat(disclosure.path("student").asString()).isEqualTo(course.studentOf(0).toString());
        assertThat(disclosure.path("actor").asString()).isEqualTo(course.educator().toString());
        assertThat(disclosure.path("actor_role").asString()).isEqualTo("educator");
        assertThat(disclosure.path("tool").asString()).isEqualTo("check_similarity");
        assertThat(disclosure.path("basis").asString()).isEqualTo("legitimate_educational_interest");
        assertThat(disclosure.path("disclosed").toString()).isEqualTo("[\"fingerprints\"]");
    }

    @Test
    void checkingAStoredSubmissionDisclosesItsAuthorAndEveryMatchedStudent() {
        Course course = Course.create();
        SubmissionId source = course.submit(SOURCE);
        check(course, source);
        SubmissionId copy = course.submit(COPY);

        ObjectNode arguments = course.arguments();
        arguments.put("submissionId", copy.toString());
        JsonNode result = call(course.educatorToken(), "check_similarity", arguments);

        assertThat(result.path("structuredContent").path("matches").get(0).path("submissionId").asString())
                .isEqualTo(source.toString());
        assertThat(disclosures(course.tenant()))
                .extracting(entry -> entry.path("student").asString() + " " + entry.path("disclosed"))
                .containsExactlyInAnyOrder(course.studentOf(1) + " [\"fingerprints\",\"submissions\"]",
                        course.studentOf(0) + " [\"fingerprints\"]");
    }

    @Test
    void anAdministratorOfTheInstitutionMayCheckAnyCourse() {
        Course course = Course.create();
        check(course, course.submit(SOURCE));
        PersonId administrator = course.person();

        ObjectNode arguments = course.arguments();
        arguments.put("text", COPY);
        JsonNode result = call(token(Role.ADMINISTRATOR, course.tenant(), administrator), "check_similarity",
                arguments);

        assertThat(result.path("structuredContent").path("matches")).hasSize(1);
        assertThat(disclosures(course.tenant())).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo(administrator.toString());
            assertThat(entry.path("basis").asString()).isEqualTo("institution_administrator");
        });
    }

    @Test
    void theStoredReportIsServedThroughTheGridAndDisclosesItsStudentAndTheMatchedOne() {
        Course course = Course.create();
        course.submit(SOURCE);
        check(course, course.submitted(0));
        SubmissionId copy = course.submit(COPY);
        check(course, copy);

        JsonNode report = call(course.educatorToken(), "get_integrity_report", reportArguments(copy))
                .path("structuredContent");

        assertThat(report.path("finding").asBoolean()).isTrue();
        assertThat(report.path("courseId").asString()).isEqualTo(course.id().toString());
        assertThat(report.path("matches").get(0).path("submissionId").asString())
                .isEqualTo(course.submitted(0).toString());
        assertThat(disclosures(course.tenant()))
                .extracting(entry -> entry.path("tool").asString() + " " + entry.path("student").asString() + " "
                        + entry.path("disclosed"))
                .containsExactlyInAnyOrder(
                        "get_integrity_report " + course.studentOf(1) + " [\"integrity_reports\"]",
                        "get_integrity_report " + course.studentOf(0) + " [\"fingerprints\"]");
    }

    @Test
    void aReplacedReportIsNotServedByAnotherInstanceThatHadReadTheFirst() throws InterruptedException {
        Course course = Course.create();
        SubmissionId submission = course.submit(SOURCE);
        ClientConfig client = GridConfigs.client(GridProfile.LOCAL);
        client.setClusterName(members.clusterName());
        client.setInstanceName("client-" + UUID.randomUUID());
        client.getNetworkConfig().setAddresses(members.addresses());
        try (Grid otherInstance = Grid.builder().clientConfig(client)
                .pseudonymKey("a test key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8)).build()) {
            ReportShelf here = new ReportShelf(grid, store.integrityReports());
            ReportShelf there = new ReportShelf(otherInstance, store.integrityReports());
            grid.connect();
            otherInstance.connect();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(grid.trusted() && otherInstance.trusted()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            here.put(course.tenant(), submission, utf8("first"));
            assertThat(there.get(course.tenant(), submission)).map(IntegrityFunctionTest::utf8).contains("first");
            // Changed behind the tiers' back: the other instance still answers from them, so it does cache.
            store.integrityReports().save(course.tenant(), submission, Opaque.of(utf8("unannounced")));
            assertThat(there.get(course.tenant(), submission)).map(IntegrityFunctionTest::utf8).contains("first");

            here.put(course.tenant(), submission, utf8("second"));

            assertThat(there.get(course.tenant(), submission)).map(IntegrityFunctionTest::utf8).contains("second");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void callersWithoutAClaimAreRefusedAndNothingIsDisclosed() {
        Course course = Course.create();
        check(course, course.submit(SOURCE));
        SubmissionId copy = course.submit(COPY);
        check(course, copy);
        ObjectNode checkText = course.arguments();
        checkText.put("text", COPY);

        Course elsewhere = Course.create();
        Course sibling = course.sibling();
        PersonId endedEducator = course.person();
        store.enrollments().enroll(course.tenant(), course.id(), endedEducator, EnrollmentRole.TEACHER,
                LocalDate.parse("2025-09-01"), Optional.of(LocalDate.now().minusDays(1)));
        String otherTenantEducator = elsewhere.educatorToken();
        String otherCourseEducator = sibling.educatorToken();
        String endedTeaching = token(Role.EDUCATOR, course.tenant(), endedEducator);
        String author = token(Role.STUDENT, course.tenant(), course.studentOf(1));

        String courseRefused = "Similarity checks of that course are available only to its current educators and "
                + "the institution's administrators.";
        for (String token : List.of(otherTenantEducator, otherCourseEducator, endedTeaching, author)) {
            assertThat(errorOf(call(token, "check_similarity", checkText))).isEqualTo(courseRefused);
        }
        String reportRefused = "No integrity report of that submission is available to you.";
        String otherTenantAdministrator = token(Role.ADMINISTRATOR, elsewhere.tenant(), elsewhere.person());
        for (String token : List.of(otherTenantEducator, otherTenantAdministrator, otherCourseEducator,
                endedTeaching, author)) {
            assertThat(errorOf(call(token, "get_integrity_report", reportArguments(copy)))).isEqualTo(reportRefused);
        }
        assertThat(errorOf(call(course.educatorToken(), "get_integrity_report",
                reportArguments(new SubmissionId(UUID.randomUUID()))))).isEqualTo(reportRefused);
        assertThat(errorOf(call(SERVICE_TOKEN, "check_similarity", checkText)))
                .contains("acts for a person of an institution");

        // An administrator of another institution names a course id of this one: that institution has no such
        // course, so nothing matches and nothing of this institution is shown.
        JsonNode foreign = call(otherTenantAdministrator, "check_similarity", checkText);
        assertThat(foreign.path("structuredContent").path("matches")).isEmpty();

        assertThat(disclosures(course.tenant())).isEmpty();
        assertThat(disclosures(elsewhere.tenant())).isEmpty();
    }

    @Test
    void aStudentWhoseEnrolmentEndedIsNoLongerShownToTheEducator() {
        Course course = Course.create();
        check(course, course.submit(SOURCE));
        SubmissionId copy = course.submit(COPY);
        check(course, copy);
        store.enrollments().end(course.tenant(), course.id(), course.studentOf(1), EnrollmentRole.STUDENT,
                LocalDate.now().minusDays(1));

        assertThat(errorOf(call(course.educatorToken(), "get_integrity_report", reportArguments(copy))))
                .isEqualTo("No integrity report of that submission is available to you.");
        ObjectNode checkStored = course.arguments();
        checkStored.put("submissionId", copy.toString());
        assertThat(errorOf(call(course.educatorToken(), "check_similarity", checkStored)))
                .isEqualTo("No such submission in this course.");
        assertThat(disclosures(course.tenant())).isEmpty();
    }

    @Test
    void aMatchTheEducatorMayNoLongerSeeIsNeitherNamedNorScoredInTheReport() {
        Course course = Course.create();
        check(course, course.submit(SOURCE));
        SubmissionId copy = course.submit(COPY);
        check(course, copy);
        JsonNode before = call(course.educatorToken(), "get_integrity_report", reportArguments(copy))
                .path("structuredContent");
        assertThat(before.path("bestSimilarity").asDouble()).isGreaterThanOrEqualTo(before.path("threshold").asDouble());
        store.enrollments().end(course.tenant(), course.id(), course.studentOf(0), EnrollmentRole.STUDENT,
                LocalDate.now().minusDays(1));

        JsonNode after = call(course.educatorToken(), "get_integrity_report", reportArguments(copy))
                .path("structuredContent");

        assertThat(after.path("matches")).isEmpty();
        assertThat(after.path("bestSimilarity").asDouble()).isZero();
        assertThat(after.path("finding").asBoolean()).as("a fact about the report's own student").isTrue();
        assertThat(disclosures(course.tenant()))
                .extracting(entry -> entry.path("student").asString())
                .as("the hidden student was disclosed by the first answer only")
                .filteredOn(student -> student.equals(course.studentOf(0).toString())).hasSize(1);
    }

    @Test
    void badInputIsAToolErrorThatSaysWhat() {
        Course course = Course.create();
        String token = course.educatorToken();
        ObjectNode notAnId = course.arguments();
        notAnId.put("courseId", "course-42");
        notAnId.put("text", COPY);
        assertThat(errorOf(call(token, "check_similarity", notAnId))).contains("courseId must be a UUID");

        ObjectNode both = course.arguments();
        both.put("text", COPY);
        both.put("submissionId", UUID.randomUUID().toString());
        assertThat(errorOf(call(token, "check_similarity", both))).contains("exactly one of text and submissionId");

        ObjectNode tooShort = course.arguments();
        tooShort.put("text", "Trees.");
        assertThat(errorOf(call(token, "check_similarity", tooShort))).contains("too short");

        SubmissionId unchecked = course.submit(OWN);
        assertThat(errorOf(call(token, "get_integrity_report", reportArguments(unchecked))))
                .contains("no integrity report");
    }

    @Test
    void aSubmissionOfAnotherCourseIsRefusedInTheSameWordsAsAnUnknownOne() {
        Course course = Course.create();
        Course sibling = course.sibling();
        SubmissionId elsewhere = sibling.submit(SOURCE);
        check(sibling, elsewhere);

        ObjectNode otherCourse = course.arguments();
        otherCourse.put("submissionId", elsewhere.toString());
        ObjectNode unknown = course.arguments();
        unknown.put("submissionId", UUID.randomUUID().toString());

        String refused = errorOf(call(course.educatorToken(), "check_similarity", otherCourse));
        assertThat(refused).isEqualTo(errorOf(call(course.educatorToken(), "check_similarity", unknown)))
                .isEqualTo("No such submission in this course.");
        assertThat(check(course, elsewhere)).isEqualTo(new CheckOutcome.UnknownSubmission(elsewhere));
    }

    private static ObjectNode reportArguments(SubmissionId submission) {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("submissionId", submission.toString());
        return arguments;
    }

    /** The tenant's disclosure entries as the audit log holds them. */
    private static List<JsonNode> disclosures(TenantId tenant) {
        List<JsonNode> found = new ArrayList<>();
        for (AuditEntryRow row : store.auditTrail().page(tenant, 0, 10_000)) {
            JsonNode entry = JSON.readTree(row.payload());
            if (entry.path("type").asString().equals("disclosure")) {
                found.add(entry);
            }
        }
        return found;
    }

    private static String token(Role role, TenantId tenant, PersonId person) {
        return TOKENS.issue(DevTokens.Grant.person(RESOURCE, role, tenant.value(), person.value(), SCOPES));
    }

    private static CheckOutcome check(Course course, SubmissionId submission) {
        return parts.submissionCheck().checkSubmission(course.tenant(), course.id(), submission);
    }

    private static String errorOf(JsonNode result) {
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
        return result.path("content").get(0).path("text").asString();
    }

    private static JsonNode call(String token, String tool, ObjectNode arguments) {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", "tools/call");
        ObjectNode params = body.putObject("params");
        params.put("name", tool);
        params.set("arguments", arguments);
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("result");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A tenant with one course, its educator and its students, made through the store's API. */
    private record Course(TenantId tenant, CourseId id, PersonId educator, List<SubmissionId> submissions,
                          List<PersonId> students) {

        static Course create() {
            TenantId tenant = TenantId.random();
            store.institutions().register(tenant, "Institution " + tenant);
            return in(tenant);
        }

        private static Course in(TenantId tenant) {
            CourseId course = store.courses().create(tenant, "ENG-" + UUID.randomUUID(), "Writing");
            PersonId educator = register(tenant);
            store.enrollments().enroll(tenant, course, educator, EnrollmentRole.TEACHER, LocalDate.parse("2026-09-01"),
                    Optional.empty());
            return new Course(tenant, course, educator, new ArrayList<>(), new ArrayList<>());
        }

        /** Another course of the same tenant, with its own educator. */
        Course sibling() {
            return in(tenant);
        }

        /** A person of the tenant, enrolled nowhere. */
        PersonId person() {
            return register(tenant);
        }

        String educatorToken() {
            return token(Role.EDUCATOR, tenant, educator);
        }

        SubmissionId submit(String text) {
            PersonId student = register(tenant);
            store.enrollments().enroll(tenant, id, student, EnrollmentRole.STUDENT, LocalDate.parse("2026-09-01"),
                    Optional.empty());
            SubmissionId submission = store.submissions().submit(tenant,
                    new NewSubmission(id, student, Instant.now(), opaque(text)));
            submissions.add(submission);
            students.add(student);
            return submission;
        }

        SubmissionId submitted(int index) {
            return submissions.get(index);
        }

        PersonId studentOf(int index) {
            return students.get(index);
        }

        ObjectNode arguments() {
            ObjectNode arguments = JSON.createObjectNode();
            arguments.put("courseId", id.toString());
            return arguments;
        }

        private static PersonId register(TenantId tenant) {
            return store.people().register(tenant, new PersonIdentity(opaque("lms"), Optional.empty(),
                    Optional.empty(), Optional.empty(), opaque("lookup:" + UUID.randomUUID()), Optional.empty()));
        }

        private static Opaque opaque(String text) {
            return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
