package org.margin.profiling.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.audit.log.AuditLog;
import org.margin.profiling.ProfilingSettings;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.profiling.support.AuditEntries;
import org.margin.profiling.support.McpCalls;
import org.margin.profiling.support.School;
import org.margin.profiling.support.TestDatabase;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.auth.Role;
import org.margin.store.Store;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;

import io.opentelemetry.api.OpenTelemetry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The function's three tools, called over MCP on loopback, against a real embedded PostgreSQL. */
class ProfilingToolsTest {

    private static final Instant NOW = Instant.parse("2026-10-15T12:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-09-10T09:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static Store store;
    private static AuditLog audit;
    private static StudentProfilingFunction profiling;
    private static FunctionRuntime function;
    private static McpCalls mcp;

    @BeforeAll
    static void start() {
        store = TestDatabase.store();
        audit = AuditLog.create(store.auditTrail());
        profiling = new StudentProfilingFunction(store, Optional.empty(), audit, ProfilingSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), OpenTelemetry.noop().getMeter("test"));
        function = profiling
                .runtime()
                .settings(McpCalls.localSettings())
                .build()
                .start();
        mcp = new McpCalls(function.port());
    }

    @AfterAll
    static void stop() {
        function.close();
        audit.close();
        store.close();
    }

    @Test
    void everyToolIsListedReadOnlyWithAnOutputSchema() {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : mcp.listTools()) {
            names.add(tool.path("name").asString());
            assertThat(tool.path("outputSchema").path("properties").isObject()).isTrue();
            assertThat(tool.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
        }
        assertThat(names).containsExactlyInAnyOrder(GetStudentProfileTool.NAME, GetProgressTool.NAME,
                GetClassOverviewTool.NAME);
    }

    @Test
    void everyToolNeedsTheProfilesReadScope() {
        String unscoped = McpCalls.TOKENS.issue(org.margin.runtime.auth.DevTokens.Grant.service(McpCalls.RESOURCE,
                "profiling-test", List.of("alerts:read")));
        for (String tool : List.of("get_student_profile", "get_progress", "get_class_overview")) {
            var response = mcp.callAs(unscoped, tool, McpCalls.arguments());
            assertThat(response.statusCode()).as(tool).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\", scope=\"profiles:read\"");
        }
        assertThat(mcp.callAs("not-a-token", "get_progress", McpCalls.arguments()).statusCode()).isEqualTo(401);
    }

    @Test
    void theProfileHoldsCountsMeansAndTrends() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        // Every metric rises by one a day: 10, 11, 12 on days 0-2, then 20 on day 10.
        school.submitAndRecord(student, FIRST, 10);
        school.submitAndRecord(student, FIRST.plusMillis(DAY), 11);
        school.submitAndRecord(student, FIRST.plusMillis(2 * DAY), 12);
        school.submitAndRecord(student, FIRST.plusMillis(10 * DAY), 20);

        JsonNode result = teacher(school).call(GetStudentProfileTool.NAME, studentArguments(student));

        assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
        JsonNode profile = result.path("structuredContent");
        assertThat(profile.path("submissionCount").asInt()).isEqualTo(4);
        assertThat(profile.path("firstSubmittedAt").asString()).isEqualTo(FIRST.toString());
        assertThat(profile.path("lastSubmittedAt").asString()).isEqualTo(FIRST.plusMillis(10 * DAY).toString());
        assertThat(profile.path("metrics").propertyNames()).hasSize(14).contains("wordCount", "mtld",
                "sentenceLengthSd", "automatedReadabilityIndex");
        JsonNode mtld = profile.path("metrics").path("mtld");
        assertThat(mtld.path("mean").asDouble()).isCloseTo(13.25, within(1e-9));
        assertThat(mtld.path("standardDeviation").asDouble()).isCloseTo(Math.sqrt(62.75 / 3), within(1e-9));
        assertThat(mtld.path("growth").path("status").asString()).isEqualTo("estimated");
        assertThat(mtld.path("growth").path("slopePer30Days").asDouble()).isCloseTo(30, within(1e-9));
        assertThat(mtld.path("growth").path("points").asInt()).isEqualTo(4);
        assertThat(mtld.path("change").path("earlierMean").asDouble()).isCloseTo(10.5, within(1e-9));
        assertThat(mtld.path("change").path("recentMean").asDouble()).isCloseTo(16, within(1e-9));
        JsonNode cadence = profile.path("cadence");
        assertThat(cadence.path("meanIntervalDays").asDouble()).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(cadence.path("medianIntervalDays").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(cadence.path("daysSinceLast").asDouble()).isCloseTo(25.125, within(1e-9));
    }

    @Test
    void twoSubmissionsGiveNoSlopeAndNoSubmissionsAnEmptyProfile() {
        School school = School.create(store, 2);
        PersonId student = school.students().getFirst();
        school.submitAndRecord(student, FIRST, 10);
        school.submitAndRecord(student, FIRST.plusMillis(DAY), 11);

        JsonNode growth = teacher(school).call(GetStudentProfileTool.NAME, studentArguments(student))
                .path("structuredContent").path("metrics").path("wordCount").path("growth");
        JsonNode empty = educator(school, school.teacher())
                .call(GetStudentProfileTool.NAME, studentArguments(school.students().get(1)))
                .path("structuredContent");

        assertThat(growth.path("status").asString()).isEqualTo("not_estimated");
        assertThat(growth.path("reason").asString()).isEqualTo("too_few_points");
        assertThat(growth.has("slopePer30Days")).isFalse();
        assertThat(empty.path("submissionCount").asInt()).isZero();
        assertThat(empty.has("cadence")).isFalse();
    }

    @Test
    void anEducatorOfAnotherCourseIsRefusedWithoutLearningAnything() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        school.submitAndRecord(student, FIRST, 10);
        PersonId otherTeacher = school.person();
        school.otherCourse(otherTeacher);

        McpCalls other = educator(school, otherTeacher);
        JsonNode refused = other.call(GetStudentProfileTool.NAME, studentArguments(student));
        JsonNode unknown = other.call(GetStudentProfileTool.NAME, studentArguments(school.person()));
        JsonNode progress = other.call(GetProgressTool.NAME, studentArguments(student));

        assertThat(McpCalls.errorText(refused)).isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(McpCalls.errorText(unknown)).as("the same words for a student without work")
                .isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(McpCalls.errorText(progress)).isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(refused.has("structuredContent")).isFalse();
        assertThat(refused.toString()).doesNotContain(student.toString());
        assertThat(auditEntries(school)).as("nothing disclosed").isEmpty();
    }

    @Test
    void everyProfileShownIsDisclosedDurablyWithItsBasis() {
        School school = School.create(store, 5);
        PersonId student = school.students().getFirst();
        for (int i = 0; i < 5; i++) {
            school.submitAndRecord(school.students().get(i), FIRST.plusMillis(i * DAY), 10 * (i + 1));
        }
        PersonId administrator = school.person();

        JsonNode byTeacher = teacher(school).call(GetStudentProfileTool.NAME, studentArguments(student));
        JsonNode progress = teacher(school).call(GetProgressTool.NAME, studentArguments(student));
        JsonNode own = student(school, student).call(GetStudentProfileTool.NAME, studentArguments(student));
        JsonNode byAdministrator = mcp.as(McpCalls.token(Role.ADMINISTRATOR, school.tenant(), administrator))
                .call(GetProgressTool.NAME, studentArguments(student));
        JsonNode overview = teacher(school).call(GetClassOverviewTool.NAME, courseArguments(school));

        for (JsonNode result : List.of(byTeacher, progress, own, byAdministrator, overview)) {
            assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
        }
        assertThat(own.path("structuredContent").path("submissionCount").asInt()).isEqualTo(1);
        List<JsonNode> entries = auditEntries(school);
        assertThat(entries).hasSize(5);
        assertDisclosure(entries.get(0), "educator", school.teacher(), student, GetStudentProfileTool.NAME,
                "legitimate_educational_interest", "metrics", "profile");
        assertDisclosure(entries.get(1), "educator", school.teacher(), student, GetProgressTool.NAME,
                "legitimate_educational_interest", "metrics");
        assertDisclosure(entries.get(2), "student", student, student, GetStudentProfileTool.NAME, "own_record",
                "metrics", "profile");
        assertDisclosure(entries.get(3), "administrator", administrator, student, GetProgressTool.NAME,
                "institution_administrator", "metrics");
        JsonNode shown = entries.get(4);
        assertThat(shown.path("type").asString()).isEqualTo("administrative");
        assertThat(shown.path("action").asString()).isEqualTo(GetClassOverviewTool.AUDIT_ACTION);
        assertThat(shown.path("target").asString()).isEqualTo("course:" + school.course());
        assertThat(shown.toString()).as("aggregates name no student").doesNotContain(student.toString());
    }

    @Test
    void callersWithoutAGroundAreRefusedAndNothingIsDisclosed() {
        School school = School.create(store, 2);
        PersonId student = school.students().getFirst();
        PersonId classmate = school.students().get(1);
        school.submitAndRecord(student, FIRST, 10);
        School elsewhere = School.create(store, 1);
        // The teacher of another institution names this student: their token's tenant is their own.
        McpCalls otherTenant = educator(elsewhere, elsewhere.teacher());
        McpCalls otherTenantAdministrator = mcp.as(McpCalls.token(Role.ADMINISTRATOR, elsewhere.tenant(),
                elsewhere.person()));

        for (String tool : List.of(GetStudentProfileTool.NAME, GetProgressTool.NAME)) {
            assertThat(McpCalls.errorText(otherTenant.call(tool, studentArguments(student)))).as(tool)
                    .isEqualTo(Refusals.STUDENT_REFUSED);
            // Another institution's administrator reads their own institution, where this student has nothing.
            JsonNode ownInstitution = otherTenantAdministrator.call(tool, studentArguments(student))
                    .path("structuredContent");
            assertThat(ownInstitution.path("submissionCount").asInt(0)).as(tool).isZero();
            assertThat(ownInstitution.path("points")).as(tool).isEmpty();
            assertThat(McpCalls.errorText(student(school, classmate).call(tool, studentArguments(student))))
                    .as("a student asking for another").isEqualTo(Refusals.STUDENT_REFUSED);
            assertThat(McpCalls.errorText(mcp.call(tool, studentArguments(student)))).as("a service")
                    .isEqualTo(Refusals.STUDENT_REFUSED);
        }
        assertThat(McpCalls.errorText(otherTenant.call(GetClassOverviewTool.NAME, courseArguments(school))))
                .isEqualTo(Refusals.COURSE_REFUSED);

        assertThat(auditEntries(school)).isEmpty();
        assertThat(auditEntries(elsewhere)).as("only the administrator's reads of their own institution")
                .allSatisfy(entry -> assertThat(entry.path("actor_role").asString()).isEqualTo("administrator"));
    }

    @Test
    void anEndedEnrolmentEndsAccess() {
        School school = School.create(store, 2);
        PersonId leaver = school.students().getFirst();
        school.submitAndRecord(leaver, FIRST, 10);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        ObjectNode arguments = studentArguments(leaver);
        assertThat(teacher(school).call(GetStudentProfileTool.NAME, arguments).path("isError").asBoolean(false))
                .isFalse();
        int disclosed = disclosures(school).size();

        store.enrollments().end(school.tenant(), school.course(), leaver, EnrollmentRole.STUDENT,
                today.minusDays(1));
        profiling.access().enrolmentChanged(school.tenant(), leaver);
        assertThat(McpCalls.errorText(teacher(school).call(GetStudentProfileTool.NAME, arguments)))
                .isEqualTo(Refusals.STUDENT_REFUSED);

        PersonId stayer = school.students().get(1);
        store.enrollments().end(school.tenant(), school.course(), school.teacher(), EnrollmentRole.TEACHER,
                today.minusDays(1));
        profiling.access().enrolmentChanged(school.tenant(), school.teacher());
        assertThat(McpCalls.errorText(teacher(school).call(GetStudentProfileTool.NAME, studentArguments(stayer))))
                .isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(McpCalls.errorText(teacher(school).call(GetClassOverviewTool.NAME, courseArguments(school))))
                .isEqualTo(Refusals.COURSE_REFUSED);
        assertThat(disclosures(school)).as("nothing disclosed once refused").hasSize(disclosed);
    }

    @Test
    void progressReturnsTheLatestChosenPointsOldestFirst() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        for (int day = 0; day < 8; day++) {
            school.submitAndRecord(student, FIRST.plusMillis(day * DAY), 100 + day);
        }
        ObjectNode arguments = studentArguments(student).put("maxPoints", 5);
        arguments.putArray("metrics").add("mtld").add("wordCount");

        JsonNode latest = teacher(school).call(GetProgressTool.NAME, arguments).path("structuredContent");
        ObjectNode windowed = arguments.deepCopy().put("from", FIRST.plusMillis(DAY).toString())
                .put("until", "2026-09-14T09:00:00+00:00");
        JsonNode inWindow = teacher(school).call(GetProgressTool.NAME, windowed).path("structuredContent");

        assertThat(latest.path("truncated").asBoolean()).isTrue();
        assertThat(latest.path("points")).hasSize(5);
        assertThat(latest.path("points").path(0).path("submittedAt").asString())
                .isEqualTo(FIRST.plusMillis(3 * DAY).toString());
        assertThat(latest.path("points").path(4).path("values").path("mtld").asDouble()).isEqualTo(107);
        assertThat(latest.path("points").path(0).path("values").propertyNames())
                .containsExactlyInAnyOrder("mtld", "wordCount");
        assertThat(inWindow.path("truncated").asBoolean()).isFalse();
        assertThat(inWindow.path("points")).hasSize(3);
        assertThat(inWindow.path("points").path(0).path("values").path("wordCount").asDouble()).isEqualTo(101);
    }

    @Test
    void badArgumentsGetClearToolErrors() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        ObjectNode notADate = studentArguments(student).put("from", "last tuesday");
        ObjectNode backwards = studentArguments(student)
                .put("from", "2026-10-01T00:00:00Z").put("until", "2026-09-01T00:00:00Z");
        ObjectNode unknownMetric = studentArguments(student);
        unknownMetric.putArray("metrics").add("charisma");
        ObjectNode notAUuid = studentArguments(student).put("studentId", "alice");
        ObjectNode tooMany = studentArguments(student).put("maxPoints", 5000);

        McpCalls calls = teacher(school);
        assertThat(McpCalls.errorText(calls.call(GetProgressTool.NAME, notADate))).contains("from", "RFC 3339")
                .doesNotContain("last tuesday");
        assertThat(McpCalls.errorText(calls.call(GetProgressTool.NAME, backwards))).contains("earlier than until");
        assertThat(McpCalls.errorText(calls.call(GetProgressTool.NAME, unknownMetric))).contains("metrics");
        assertThat(McpCalls.errorText(calls.call(GetStudentProfileTool.NAME, notAUuid))).contains("studentId")
                .doesNotContain("alice");
        assertThat(McpCalls.errorText(calls.call(GetProgressTool.NAME, tooMany))).contains("maxPoints");
        assertThat(McpCalls.errorText(calls.call(GetClassOverviewTool.NAME,
                courseArguments(school).put("minimumStudents", 2)))).contains("minimumStudents");
    }

    @Test
    void theClassOverviewGivesAggregatesOnlyAndWithholdsSmallGroups() {
        School school = School.create(store, 5);
        for (int i = 0; i < 5; i++) {
            school.submitAndRecord(school.students().get(i), FIRST.plusMillis(i * DAY), 10 * (i + 1));
            school.submitAndRecord(school.students().get(i), FIRST.plusMillis((i + 10) * DAY), 10 * (i + 1));
        }

        McpCalls teacher = teacher(school);
        JsonNode available = teacher.call(GetClassOverviewTool.NAME, courseArguments(school));
        JsonNode raised = teacher.call(GetClassOverviewTool.NAME, courseArguments(school).put("minimumStudents", 6));
        JsonNode fourInWindow = teacher.call(GetClassOverviewTool.NAME, courseArguments(school)
                .put("from", FIRST.toString()).put("until", FIRST.plusMillis(4 * DAY).toString()));

        JsonNode overview = available.path("structuredContent");
        assertThat(overview.path("status").asString()).isEqualTo("available");
        assertThat(overview.path("students").asInt()).isEqualTo(5);
        assertThat(overview.path("submissions").asInt()).isEqualTo(10);
        assertThat(overview.path("metrics").path("mtld").path("median").asDouble()).isCloseTo(30, within(1e-9));
        assertThat(overview.path("metrics").path("mtld").has("min")).isFalse();
        for (PersonId student : school.students()) {
            assertThat(available.toString()).doesNotContain(student.toString());
        }
        for (JsonNode withheld : List.of(raised.path("structuredContent"), fourInWindow.path("structuredContent"))) {
            assertThat(withheld.path("status").asString()).isEqualTo("withheld");
            assertThat(withheld.has("metrics")).isFalse();
            assertThat(withheld.has("students")).as("not even the count").isFalse();
            assertThat(withheld.path("reason").asString()).contains("Fewer than");
        }
        assertThat(raised.path("structuredContent").path("minimumStudents").asInt()).isEqualTo(6);
    }

    @Test
    void onlyATeacherOfTheCourseSeesItsOverview() {
        School school = School.create(store, 5);
        PersonId otherTeacher = school.person();
        school.otherCourse(otherTeacher);

        assertThat(McpCalls.errorText(educator(school, otherTeacher)
                .call(GetClassOverviewTool.NAME, courseArguments(school))))
                .isEqualTo(Refusals.COURSE_REFUSED);
        assertThat(McpCalls.errorText(student(school, school.students().getFirst())
                .call(GetClassOverviewTool.NAME, courseArguments(school)))).isEqualTo(Refusals.COURSE_REFUSED);
        assertThat(auditEntries(school)).isEmpty();
    }

    @Test
    void anUnreachableStoreIsAnsweredInFixedWords() {
        try (Store away = Store.builder().primary("r2dbc:postgresql://127.0.0.1:9/margin", "margin_app", "none")
                .connectTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)).build();
             FunctionRuntime unreachable = new StudentProfilingFunction(away, Optional.empty(),
                             AuditLog.create(away.auditTrail()), ProfilingSettings.defaults(),
                             Clock.fixed(NOW, ZoneOffset.UTC), OpenTelemetry.noop().getMeter("test"))
                     .runtime()
                     .settings(McpCalls.localSettings())
                     .build()
                     .start()) {
            School school = School.create(store, 1);
            McpCalls calls = new McpCalls(unreachable.port())
                    .as(McpCalls.token(Role.EDUCATOR, school.tenant(), school.teacher()));

            for (String tool : List.of(GetStudentProfileTool.NAME, GetProgressTool.NAME)) {
                assertThat(McpCalls.errorText(calls.call(tool, studentArguments(school.students().getFirst()))))
                        .isEqualTo(ProfilingTools.UNAVAILABLE);
            }
            assertThat(McpCalls.errorText(calls.call(GetClassOverviewTool.NAME, courseArguments(school))))
                    .isEqualTo(ProfilingTools.UNAVAILABLE);
        }
    }

    private static void assertDisclosure(JsonNode entry, String role, PersonId actor, PersonId student, String tool,
                                         String basis, String... categories) {
        assertThat(entry.path("type").asString()).isEqualTo("disclosure");
        assertThat(entry.path("actor_role").asString()).isEqualTo(role);
        assertThat(entry.path("actor").asString()).isEqualTo(actor.toString());
        assertThat(entry.path("student").asString()).isEqualTo(student.toString());
        assertThat(entry.path("tool").asString()).isEqualTo(tool);
        assertThat(entry.path("basis").asString()).isEqualTo(basis);
        List<String> disclosed = new ArrayList<>();
        entry.path("disclosed").forEach(category -> disclosed.add(category.asString()));
        assertThat(disclosed).containsExactly(categories);
    }

    private static McpCalls teacher(School school) {
        return educator(school, school.teacher());
    }

    private static McpCalls student(School school, PersonId student) {
        return mcp.as(McpCalls.token(Role.STUDENT, school.tenant(), student));
    }

    private static List<JsonNode> auditEntries(School school) {
        return AuditEntries.of(store, school.tenant());
    }

    private static List<JsonNode> disclosures(School school) {
        return auditEntries(school).stream().filter(entry -> entry.path("type").asString().equals("disclosure"))
                .toList();
    }

    private static McpCalls educator(School school, PersonId educator) {
        return mcp.as(McpCalls.token(Role.EDUCATOR, school.tenant(), educator));
    }

    private static ObjectNode studentArguments(PersonId student) {
        return McpCalls.arguments().put("studentId", student.toString());
    }

    private static ObjectNode courseArguments(School school) {
        return McpCalls.arguments().put("courseId", school.course().toString());
    }
}
