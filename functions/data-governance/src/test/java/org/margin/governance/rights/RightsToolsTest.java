package org.margin.governance.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.events.EventRead;
import org.margin.events.MarginEvents;
import org.margin.events.StudentErased;
import org.margin.governance.GovernanceWorld;
import org.margin.governance.TestContext;
import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Consistency;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rights tools on real parts (PostgreSQL, a Hazelcast member, the platform's keys, an HTTP event sink), called
 * with the caller an access token would give.
 */
class RightsToolsTest {

    private static final String NOT_SELF =
            "Only an administrator of the institution, or the student themself, may do this.";

    private static GovernanceWorld world;

    @BeforeAll
    static void start() {
        world = GovernanceWorld.get();
    }

    @Test
    void aStudentExportsEverythingAboutThemselfReadable() throws Exception {
        var school = world.school(2);
        PersonId student = school.students().get(0);
        world.submit(school, student, "My essay about rivers and the towns beside them.", 0);
        world.submit(school, student, "A second essay, on bridges.", 1);
        world.submit(school, school.students().get(1), "Someone else's essay.", 0);

        JsonNode document = structured(world.call(RightsTools.EXPORT, TestContext.of(
                student(school, student, RightsTools.EXPORT_SCOPE), Json.object())));

        assertThat(document.path("format").asString()).isEqualTo(SubjectExport.FORMAT);
        assertThat(document.path("studentId").asString()).isEqualTo(student.value().toString());
        assertThat(document.path("identity").path("lmsUserId").asString())
                .isEqualTo(GovernanceWorld.lmsUserOf("student 0", school.tenant()));
        assertThat(document.path("identity").path("fullName").asString()).isEqualTo(GovernanceWorld.nameOf("student 0"));
        assertThat(document.path("submissions")).extracting(entry -> entry.path("text").asString())
                .containsExactly("My essay about rivers and the towns beside them.", "A second essay, on bridges.");
        assertThat(document.path("metrics")).hasSize(2);
        assertThat(document.path("profile").path("submission_count").asLong()).isEqualTo(2);
        assertThat(document.path("enrollments")).hasSize(1);
        assertThat(document.toString()).doesNotContain("Someone else's essay.")
                .doesNotContain(school.students().get(1).value().toString());
        assertThat(world.store().dataRequests().list(school.tenant(), Optional.empty(), 10,
                Consistency.READ_YOUR_WRITES)).singleElement().satisfies(request -> {
                    assertThat(request.subject()).isEqualTo(student);
                    assertThat(request.status().wireName()).isEqualTo("completed");
                });
    }

    @Test
    void exportIsRefusedToAnyoneButTheStudentAndTheirInstitutionsAdministrators() throws Exception {
        var school = world.school(2);
        var elsewhere = world.school(1);
        PersonId student = school.students().get(0);
        ObjectNode forStudent = Json.object().put("studentId", student.value().toString());

        assertThat(error(world.call(RightsTools.EXPORT, TestContext.anonymous(forStudent))))
                .contains("Authentication is required");
        assertThat(error(world.call(RightsTools.EXPORT, TestContext.of(
                student(school, student, "data:erase"), forStudent)))).contains("data:export");
        assertThat(error(world.call(RightsTools.EXPORT, TestContext.of(
                student(school, school.students().get(1), RightsTools.EXPORT_SCOPE), forStudent))))
                .isEqualTo(NOT_SELF);
        assertThat(error(world.call(RightsTools.EXPORT, TestContext.of(
                TestContext.caller(Role.EDUCATOR, school.tenant().value(), Optional.of(school.teacher().value()),
                        RightsTools.EXPORT_SCOPE), forStudent))))
                .isEqualTo(NOT_SELF);
        assertThat(error(world.call(RightsTools.EXPORT, TestContext.of(
                administrator(elsewhere, RightsTools.EXPORT_SCOPE), forStudent))))
                .isEqualTo(NOT_SELF);
        assertThat(structured(world.call(RightsTools.EXPORT, TestContext.of(
                administrator(school, RightsTools.EXPORT_SCOPE), forStudent))).path("studentId").asString())
                .isEqualTo(student.value().toString());
    }

    @Test
    void erasureAsksFirstAndADeclineErasesNothing() throws Exception {
        var school = world.school(1);
        PersonId student = school.students().get(0);
        world.submit(school, student, "An essay.", 0);
        ObjectNode arguments = Json.object().put("studentId", student.value().toString());
        var admin = TestContext.of(administrator(school, RightsTools.ERASE_SCOPE), arguments);

        ToolOutcome asked = world.call(RightsTools.ERASE, admin);

        assertThat(asked).isInstanceOfSatisfying(InputRequired.class, input -> {
            assertThat(input.requests().get(RightsTools.CONFIRM)).isInstanceOfSatisfying(
                    InputRequest.Elicitation.class, elicitation -> assertThat(elicitation.message())
                            .contains(student.value().toString()).contains("1 submissions"));
        });
        ObjectNode state = ((InputRequired) asked).state();
        for (String action : new String[] {"decline", "cancel"}) {
            JsonNode answer = structured(world.call(RightsTools.ERASE, admin.answered(state, RightsTools.CONFIRM,
                    Json.object().put("action", action))));
            assertThat(answer.path("erased").asBoolean()).isFalse();
        }
        JsonNode unchecked = structured(world.call(RightsTools.ERASE, admin.answered(state, RightsTools.CONFIRM,
                Json.MAPPER.readTree("{\"action\": \"accept\", \"content\": {\"confirm\": false}}"))));
        assertThat(unchecked.path("erased").asBoolean()).isFalse();
        assertThat(world.store().subjects().counts(school.tenant(), student, Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(counts -> assertThat(counts.submissions()).isEqualTo(1));
        assertThat(error(world.call(RightsTools.ERASE, admin.withoutElicitation()))).contains("elicitation");
    }

    @Test
    void aConfirmedErasureRemovesRowsAndCachedCopiesAndIsAnnouncedWithoutPii() throws Exception {
        var school = world.school(2);
        PersonId student = school.students().get(0);
        PersonId classmate = school.students().get(1);
        SubmissionId submission = world.submit(school, student, "Text to be forgotten.", 0);
        world.submit(school, classmate, "Text to be kept.", 0);
        Grid other = world.otherInstanceGrid();
        AtomicInteger profileLoads = new AtomicInteger();
        AtomicInteger reportLoads = new AtomicInteger();
        TieredCache profiles = other.cache("student-profiles", key -> {
            profileLoads.incrementAndGet();
            return Optional.of(new byte[] {1});
        }, (key, value) -> { });
        TieredCache reports = other.cache("integrity-reports", key -> {
            reportLoads.incrementAndGet();
            return Optional.of(new byte[] {2});
        }, (key, value) -> { });
        String profileKey = school.tenant().value() + "/" + student.value();
        String reportKey = school.tenant().value() + "/" + submission.value();
        eventually(Duration.ofSeconds(20), () -> {
            profiles.read(profileKey);
            reports.read(reportKey);
            int before = profileLoads.get() + reportLoads.get();
            profiles.read(profileKey);
            reports.read(reportKey);
            return profileLoads.get() + reportLoads.get() == before;
        });
        int cachedLoads = profileLoads.get() + reportLoads.get();
        world.emitted.clear();
        ObjectNode arguments = Json.object().put("studentId", student.value().toString()).put("regime", "ccpa");
        var admin = TestContext.of(administrator(school, RightsTools.ERASE_SCOPE), arguments);
        ObjectNode state = ((InputRequired) world.call(RightsTools.ERASE, admin)).state();

        JsonNode receipt = structured(world.call(RightsTools.ERASE, admin.answered(state, RightsTools.CONFIRM,
                Json.MAPPER.readTree("{\"action\": \"accept\", \"content\": {\"confirm\": true}}"))));

        assertThat(receipt.path("erased").asBoolean()).isTrue();
        assertThat(receipt.path("deleted").path("submissions").asLong()).isEqualTo(1);
        assertThat(receipt.path("deleted").path("person_identities").asLong()).isEqualTo(1);
        assertThat(receipt.path("cacheKeysBuried").asInt()).isEqualTo(2);
        assertThat(receipt.path("announced").asBoolean()).isTrue();
        assertThat(world.auditEntries(school.tenant())).anySatisfy(entry -> assertThat(entry).contains(
                "\"action\":\"student.erased\"", "\"actor_role\":\"administrator\"",
                "\"target\":\"" + student.value() + ":" + receipt.path("receiptId").asString() + "\""));
        assertThat(world.store().subjects().counts(school.tenant(), student, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(world.store().subjects().counts(school.tenant(), classmate, Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(counts -> assertThat(counts.submissions()).isEqualTo(1));
        profiles.read(profileKey);
        reports.read(reportKey);
        assertThat(profileLoads.get() + reportLoads.get()).as("both reads went past the near cache and the grid")
                .isEqualTo(cachedLoads + 2);
        eventually(Duration.ofSeconds(10), () -> !world.emitted.isEmpty());
        assertThat(world.emitted).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("org.margin.student.erased.v1");
            assertThat(event.getId()).isEqualTo(receipt.path("receiptId").asString());
            assertThat(MarginEvents.read(event, StudentErased.class)).isInstanceOfSatisfying(EventRead.Valid.class,
                    valid -> assertThat(valid.data()).isEqualTo(new StudentErased(school.tenant().value(),
                            student.value(), Instant.parse(receipt.path("erasedAt").asString()))));
            assertThat(new String(event.getData().toBytes())).doesNotContain("Text to be forgotten")
                    .doesNotContain(GovernanceWorld.lmsUserOf("student 0", school.tenant()));
        });
        other.close();
    }

    @Test
    void aStudentAsksForTheirOwnErasureAndTheRequestWaitsForTheInstitutionWithItsDeadline() throws Exception {
        var school = world.school(2);
        PersonId student = school.students().get(0);
        ObjectNode own = Json.object().put("studentId", student.value().toString());

        JsonNode filed = structured(world.call(RightsTools.ERASE, TestContext.of(
                student(school, student, RightsTools.ERASE_SCOPE), own)));
        ObjectNode someoneElse = Json.object().put("studentId", school.students().get(1).value().toString());
        String refused = error(world.call(RightsTools.ERASE, TestContext.of(
                student(school, student, RightsTools.ERASE_SCOPE), someoneElse)));
        ObjectNode letter = Json.object().put("studentId", student.value().toString()).put("kind", "export")
                .put("regime", "ccpa").put("receivedAt", Instant.now().minus(50, ChronoUnit.DAYS).toString());
        world.call(RightsTools.FILE, TestContext.of(administrator(school, RightsTools.REQUESTS_WRITE_SCOPE), letter));

        assertThat(filed.path("status").asString()).isEqualTo("received");
        assertThat(filed.path("kind").asString()).isEqualTo("erasure");
        assertThat(filed.path("daysLeft").asLong()).isBetween(27L, 31L);
        assertThat(refused).isEqualTo(NOT_SELF);
        assertThat(world.store().subjects().counts(school.tenant(), student, Consistency.READ_YOUR_WRITES))
                .as("nothing erased by the student's own call").isPresent();
        JsonNode listed = structured(world.call(RightsTools.LIST, TestContext.of(
                administrator(school, RightsTools.REQUESTS_READ_SCOPE), Json.object())));
        assertThat(listed.path("requests")).hasSize(2);
        assertThat(listed.path("requests").get(0).path("kind").asString()).as("the overdue one first")
                .isEqualTo("export");
        assertThat(listed.path("requests").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(listed.path("requests").get(0).path("daysLeft").asLong()).isBetween(-6L, -4L);
        assertThat(listed.path("overdue").asLong()).isEqualTo(1);
        assertThat(error(world.call(RightsTools.LIST, TestContext.of(
                student(school, student, RightsTools.REQUESTS_READ_SCOPE), Json.object()))))
                .contains("administrator");
    }

    private static Caller student(GovernanceWorld.School school, PersonId student, String... scopes) {
        return TestContext.caller(Role.STUDENT, school.tenant().value(), Optional.of(student.value()), scopes);
    }

    private static Caller administrator(GovernanceWorld.School school, String... scopes) {
        return TestContext.caller(Role.ADMINISTRATOR, school.tenant().value(), Optional.of(UUID.randomUUID()), scopes);
    }

    /** Waits until the grid client is connected and holds the lease, so values are cached at all. */
    private static void eventually(Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", patience).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode structured(ToolOutcome outcome) {
        assertThat(outcome).isInstanceOf(ToolResult.class);
        return ((ToolResult) outcome).structuredContent();
    }

    private static String error(ToolOutcome outcome) {
        assertThat(outcome).isInstanceOf(ToolError.class);
        return ((ToolError) outcome).message();
    }
}
