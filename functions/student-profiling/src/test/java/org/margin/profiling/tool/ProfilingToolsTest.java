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
import org.margin.profiling.ProfilingSettings;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.profiling.support.McpCalls;
import org.margin.profiling.support.School;
import org.margin.profiling.support.TestDatabase;
import org.margin.runtime.FunctionRuntime;
import org.margin.store.Store;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The function's three tools, called over MCP on loopback, against a real embedded PostgreSQL. */
class ProfilingToolsTest {

    private static final Instant NOW = Instant.parse("2026-10-15T12:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-09-10T09:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static Store store;
    private static StudentProfilingFunction profiling;
    private static FunctionRuntime function;
    private static McpCalls mcp;

    @BeforeAll
    static void start() {
        store = TestDatabase.store();
        profiling = new StudentProfilingFunction(store, Optional.empty(), ProfilingSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
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

        JsonNode result = mcp.call(GetStudentProfileTool.NAME, studentArguments(school, school.teacher(), student));

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

        JsonNode growth = mcp.call(GetStudentProfileTool.NAME, studentArguments(school, school.teacher(), student))
                .path("structuredContent").path("metrics").path("wordCount").path("growth");
        JsonNode empty = mcp.call(GetStudentProfileTool.NAME,
                studentArguments(school, school.teacher(), school.students().get(1))).path("structuredContent");

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

        JsonNode refused = mcp.call(GetStudentProfileTool.NAME, studentArguments(school, otherTeacher, student));
        JsonNode unknown = mcp.call(GetStudentProfileTool.NAME,
                studentArguments(school, otherTeacher, school.person()));
        JsonNode progress = mcp.call(GetProgressTool.NAME, studentArguments(school, otherTeacher, student));

        assertThat(McpCalls.errorText(refused)).isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(McpCalls.errorText(unknown)).as("the same words for a student without work")
                .isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(McpCalls.errorText(progress)).isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(refused.has("structuredContent")).isFalse();
        assertThat(refused.toString()).doesNotContain(student.toString());
    }

    @Test
    void anEndedEnrolmentEndsAccess() {
        School school = School.create(store, 2);
        PersonId leaver = school.students().getFirst();
        school.submitAndRecord(leaver, FIRST, 10);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        ObjectNode arguments = studentArguments(school, school.teacher(), leaver);
        assertThat(mcp.call(GetStudentProfileTool.NAME, arguments).path("isError").asBoolean(false)).isFalse();

        store.enrollments().end(school.tenant(), school.course(), leaver, EnrollmentRole.STUDENT,
                today.minusDays(1));
        profiling.access().enrolmentChanged(school.tenant(), leaver);
        assertThat(McpCalls.errorText(mcp.call(GetStudentProfileTool.NAME, arguments)))
                .isEqualTo(Refusals.STUDENT_REFUSED);

        PersonId stayer = school.students().get(1);
        store.enrollments().end(school.tenant(), school.course(), school.teacher(), EnrollmentRole.TEACHER,
                today.minusDays(1));
        profiling.access().enrolmentChanged(school.tenant(), school.teacher());
        assertThat(McpCalls.errorText(mcp.call(GetStudentProfileTool.NAME,
                studentArguments(school, school.teacher(), stayer)))).isEqualTo(Refusals.STUDENT_REFUSED);
        assertThat(McpCalls.errorText(mcp.call(GetClassOverviewTool.NAME, courseArguments(school, school.teacher()))))
                .isEqualTo(Refusals.COURSE_REFUSED);
    }

    @Test
    void progressReturnsTheLatestChosenPointsOldestFirst() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        for (int day = 0; day < 8; day++) {
            school.submitAndRecord(student, FIRST.plusMillis(day * DAY), 100 + day);
        }
        ObjectNode arguments = studentArguments(school, school.teacher(), student).put("maxPoints", 5);
        arguments.putArray("metrics").add("mtld").add("wordCount");

        JsonNode latest = mcp.call(GetProgressTool.NAME, arguments).path("structuredContent");
        ObjectNode windowed = arguments.deepCopy().put("from", FIRST.plusMillis(DAY).toString())
                .put("until", "2026-09-14T09:00:00+00:00");
        JsonNode inWindow = mcp.call(GetProgressTool.NAME, windowed).path("structuredContent");

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
        ObjectNode notADate = studentArguments(school, school.teacher(), student).put("from", "last tuesday");
        ObjectNode backwards = studentArguments(school, school.teacher(), student)
                .put("from", "2026-10-01T00:00:00Z").put("until", "2026-09-01T00:00:00Z");
        ObjectNode unknownMetric = studentArguments(school, school.teacher(), student);
        unknownMetric.putArray("metrics").add("charisma");
        ObjectNode notAUuid = studentArguments(school, school.teacher(), student).put("studentId", "alice");
        ObjectNode tooMany = studentArguments(school, school.teacher(), student).put("maxPoints", 5000);

        assertThat(McpCalls.errorText(mcp.call(GetProgressTool.NAME, notADate))).contains("from", "RFC 3339")
                .doesNotContain("last tuesday");
        assertThat(McpCalls.errorText(mcp.call(GetProgressTool.NAME, backwards))).contains("earlier than until");
        assertThat(McpCalls.errorText(mcp.call(GetProgressTool.NAME, unknownMetric))).contains("metrics");
        assertThat(McpCalls.errorText(mcp.call(GetStudentProfileTool.NAME, notAUuid))).contains("studentId")
                .doesNotContain("alice");
        assertThat(McpCalls.errorText(mcp.call(GetProgressTool.NAME, tooMany))).contains("maxPoints");
        assertThat(McpCalls.errorText(mcp.call(GetClassOverviewTool.NAME,
                courseArguments(school, school.teacher()).put("minimumStudents", 2)))).contains("minimumStudents");
    }

    @Test
    void theClassOverviewGivesAggregatesOnlyAndWithholdsSmallGroups() {
        School school = School.create(store, 5);
        for (int i = 0; i < 5; i++) {
            school.submitAndRecord(school.students().get(i), FIRST.plusMillis(i * DAY), 10 * (i + 1));
            school.submitAndRecord(school.students().get(i), FIRST.plusMillis((i + 10) * DAY), 10 * (i + 1));
        }

        JsonNode available = mcp.call(GetClassOverviewTool.NAME, courseArguments(school, school.teacher()));
        JsonNode raised = mcp.call(GetClassOverviewTool.NAME,
                courseArguments(school, school.teacher()).put("minimumStudents", 6));
        JsonNode fourInWindow = mcp.call(GetClassOverviewTool.NAME, courseArguments(school, school.teacher())
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

        assertThat(McpCalls.errorText(mcp.call(GetClassOverviewTool.NAME, courseArguments(school, otherTeacher))))
                .isEqualTo(Refusals.COURSE_REFUSED);
        assertThat(McpCalls.errorText(mcp.call(GetClassOverviewTool.NAME,
                courseArguments(school, school.students().getFirst())))).isEqualTo(Refusals.COURSE_REFUSED);
    }

    @Test
    void anUnreachableStoreIsAnsweredInFixedWords() {
        try (Store away = Store.builder().primary("r2dbc:postgresql://127.0.0.1:9/margin", "margin_app", "none")
                .connectTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)).build();
             FunctionRuntime unreachable = new StudentProfilingFunction(away, Optional.empty(),
                             ProfilingSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC))
                     .runtime()
                     .settings(McpCalls.localSettings())
                     .build()
                     .start()) {
            School school = School.create(store, 1);
            McpCalls calls = new McpCalls(unreachable.port());

            for (String tool : List.of(GetStudentProfileTool.NAME, GetProgressTool.NAME)) {
                assertThat(McpCalls.errorText(calls.call(tool,
                        studentArguments(school, school.teacher(), school.students().getFirst()))))
                        .isEqualTo(ProfilingTools.UNAVAILABLE);
            }
            assertThat(McpCalls.errorText(calls.call(GetClassOverviewTool.NAME,
                    courseArguments(school, school.teacher())))).isEqualTo(ProfilingTools.UNAVAILABLE);
        }
    }

    private static ObjectNode studentArguments(School school, PersonId educator, PersonId student) {
        return McpCalls.arguments().put("institutionId", school.tenant().toString())
                .put("educatorId", educator.toString()).put("studentId", student.toString());
    }

    private static ObjectNode courseArguments(School school, PersonId educator) {
        return McpCalls.arguments().put("institutionId", school.tenant().toString())
                .put("educatorId", educator.toString()).put("courseId", school.course().toString());
    }
}
