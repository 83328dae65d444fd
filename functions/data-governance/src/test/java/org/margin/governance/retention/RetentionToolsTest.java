package org.margin.governance.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.audit.log.AuditLog;
import org.margin.audit.verify.Verification;
import org.margin.governance.GovernanceWorld;
import org.margin.governance.TestContext;
import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Consistency;
import org.margin.store.consent.GivenBy;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.retention.RetentionCategory;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.JsonNode;

/** Retention policies and runs through the tools and the schedule, on real parts. */
class RetentionToolsTest {

    private static GovernanceWorld world;

    @BeforeAll
    static void start() {
        world = GovernanceWorld.get();
    }

    @Test
    void anAdministratorSetsAPeriodAndARunDeletesWhatOutlivedIt() throws Exception {
        var school = world.school(1);
        PersonId student = school.students().getFirst();
        SubmissionId old = world.submit(school, student, "Written long ago.", -3000);
        SubmissionId recent = world.submit(school, student, "Written lately.", 0);
        Caller admin = TestContext.caller(Role.ADMINISTRATOR, school.tenant().value(), Optional.of(UUID.randomUUID()),
                RetentionTools.SCOPE);

        JsonNode set = structured(world.call(RetentionTools.SET, TestContext.of(admin,
                Json.object().put("category", "submissions").put("periodDays", 365))));
        JsonNode ran = structured(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())));

        assertThat(set.path("periodDays").path("submissions").asInt()).isEqualTo(365);
        assertThat(set.path("periodDays").path("alerts").asInt()).isEqualTo(365);
        assertThat(ran.path("deleted").path("submissions").path("submissions").asLong()).isEqualTo(1);
        assertThat(ran.path("deleted").path("submissions").path("writing_metrics").asLong()).isEqualTo(1);
        assertThat(ran.path("deleted").path("audit").path("audit_entries").asLong())
                .as("the audit log of today is not pruned").isZero();
        assertThat(ran.path("audit").path("deleted").asLong()).isZero();
        assertThat(world.store().submissions().find(school.tenant(), old, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(world.store().submissions().find(school.tenant(), recent, Consistency.READ_YOUR_WRITES))
                .isPresent();
        assertThat(world.store().profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(profile -> assertThat(profile.submissions()).isEqualTo(1));
    }

    @Test
    void aRunExpiresWhatWasProcessedForAWithdrawnPurposeAndRecordsTheCounts() throws Exception {
        var school = world.school(2);
        PersonId withdrew = school.students().get(0);
        PersonId classmate = school.students().get(1);
        world.submit(school, withdrew, "First essay.", 0);
        world.submit(school, withdrew, "Second essay.", 1);
        world.submit(school, classmate, "The classmate's essay.", 0);
        Grid other = world.otherInstanceGrid();
        AtomicInteger profileLoads = new AtomicInteger();
        TieredCache profiles = other.cache("student-profiles", key -> {
            profileLoads.incrementAndGet();
            return Optional.of(new byte[] {1});
        }, (key, value) -> { });
        String profileKey = school.tenant().value() + "/" + withdrew.value();
        Instant patience = Instant.now().plusSeconds(20);
        do {
            assertThat(Instant.now()).as("the other instance caches the profile").isBefore(patience);
            profiles.read(profileKey);
            int before = profileLoads.get();
            profiles.read(profileKey);
            if (profileLoads.get() == before) {
                break;
            }
            Thread.sleep(50);
        } while (true);
        int cachedLoads = profileLoads.get();
        Instant now = Instant.now();
        world.store().consents().withdraw(school.tenant(), withdrew, Purpose.ANALYSIS, now, GivenBy.STUDENT);
        world.store().consents().withdraw(school.tenant(), withdrew, Purpose.PROFILING, now, GivenBy.STUDENT);
        Caller admin = TestContext.caller(Role.ADMINISTRATOR, school.tenant().value(), Optional.of(UUID.randomUUID()),
                RetentionTools.SCOPE);

        JsonNode ran = structured(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())));
        JsonNode again = structured(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())));

        assertThat(ran.path("withdrawn").path("analysis").path("writing_metrics").asLong()).isEqualTo(2);
        assertThat(again.path("withdrawn").path("analysis").path("writing_metrics").asLong())
                .as("a withdrawal applied again deletes nothing more").isZero();
        assertThat(world.store().profiles().profile(school.tenant(), withdrew, Consistency.READ_YOUR_WRITES))
                .isEmpty();
        assertThat(world.store().profiles().profile(school.tenant(), classmate, Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(profile -> assertThat(profile.submissions()).isEqualTo(1));
        assertThat(ran.path("cacheKeysBuried").asInt()).isGreaterThanOrEqualTo(2);
        profiles.read(profileKey);
        assertThat(profileLoads.get()).as("the cached profile was buried on the other instance too")
                .isEqualTo(cachedLoads + 1);
        other.close();
        List<String> audit = world.auditEntries(school.tenant());
        assertThat(audit).anySatisfy(entry -> assertThat(entry).contains("\"action\":\"retention.withdrawn_consent\"",
                "\"target\":\"analysis/writing_metrics:2\"", "\"actor_role\":\"administrator\""));
        assertThat(audit).anySatisfy(entry -> assertThat(entry).contains("\"action\":\"retention.expired\"",
                "\"target\":\"submissions/"));
    }

    @Test
    void aRunPrunesTheAuditLogUpToItsLastDueCheckpointAndTheLogStillVerifies() throws Exception {
        var school = world.school(1);
        TenantId tenant = school.tenant();
        world.store().retentionPolicies().set(tenant, RetentionCategory.AUDIT, 1);
        writeOldEntries(tenant, 6);
        world.platform.auditCheckpoints().checkpoint(tenant).orElseThrow();
        world.platform.audit().recordDurably(tenant, new AdministrativeAction(Instant.now(),
                Actor.service("data-governance"), "roster.imported", tenant.toString()));
        Caller admin = TestContext.caller(Role.ADMINISTRATOR, tenant.value(), Optional.of(UUID.randomUUID()),
                RetentionTools.SCOPE);

        JsonNode ran = structured(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())));
        JsonNode again = structured(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())));

        assertThat(ran.path("audit").path("prunedThrough").asLong()).isEqualTo(6);
        assertThat(ran.path("deleted").path("audit").path("audit_entries").asLong()).isEqualTo(6);
        assertThat(again.path("deleted").path("audit").path("audit_entries").asLong()).isZero();
        assertThat(world.store().auditTrail().page(tenant, 0, 100).getFirst().seq()).as("today's entry stays")
                .isEqualTo(7);
        assertThat(world.auditEntries(tenant)).anySatisfy(entry -> assertThat(entry).contains(
                "\"action\":\"retention.expired\"", "\"target\":\"audit/audit_entries:6\"",
                "\"actor_role\":\"administrator\""));
        world.platform.auditCheckpoints().checkpoint(tenant).orElseThrow();
        assertThat(world.platform.auditVerifier().verify(tenant)).isInstanceOfSatisfying(
                Verification.Verified.class, verified -> assertThat(verified.checkpoints()).isEqualTo(2));
    }

    @Test
    void aRunLeavesAnAuditLogThatDoesNotVerifyAndRecordsWhy() throws Exception {
        var school = world.school(1);
        TenantId tenant = school.tenant();
        world.store().retentionPolicies().set(tenant, RetentionCategory.AUDIT, 1);
        writeOldEntries(tenant, 6);
        world.platform.auditCheckpoints().checkpoint(tenant).orElseThrow();
        try (Connection superuser = DriverManager.getConnection(world.database.jdbcUrl(), "postgres", "");
             Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("update margin.audit_entries set payload = replace(encode(payload, 'escape'), "
                    + "'roster.imported', 'consent.recorded')::bytea where institution_id = '" + tenant
                    + "' and seq = 3");
        }
        Caller admin = TestContext.caller(Role.ADMINISTRATOR, tenant.value(), Optional.of(UUID.randomUUID()),
                RetentionTools.SCOPE);

        JsonNode ran = structured(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())));

        assertThat(ran.path("audit").path("deleted").asLong()).isZero();
        assertThat(ran.path("audit").path("firstBadEntry").asLong()).isEqualTo(3);
        assertThat(ran.path("audit").path("problem").asText()).isEqualTo("altered");
        assertThat(world.store().auditTrail().page(tenant, 0, 100).getFirst().seq()).isEqualTo(1);
        assertThat(world.auditEntries(tenant)).anySatisfy(entry -> assertThat(entry).contains(
                "\"action\":\"retention.audit_not_pruned\"", "\"target\":\"audit/altered:3\""));
    }

    private static void writeOldEntries(TenantId tenant, int count) {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        try (AuditLog old = AuditLog.create(world.store().auditTrail(), Clock.fixed(twoDaysAgo, ZoneOffset.UTC))) {
            for (int i = 0; i < count; i++) {
                old.recordDurably(tenant, new AdministrativeAction(twoDaysAgo, Actor.service("data-governance"),
                        "roster.imported", tenant.toString()));
            }
        }
    }

    @Test
    void theScheduleRunsOverEveryInstitution() {
        var school = world.school(1);
        SubmissionId ancient = world.submit(school, school.students().getFirst(), "Older than any default.", -4000);

        EventOutcome outcome = world.governance.schedule().runOnce();

        assertThat(outcome).isInstanceOf(EventOutcome.accepted().getClass());
        assertThat(world.store().submissions().find(school.tenant(), ancient, Consistency.READ_YOUR_WRITES))
                .as("2026 minus 4000 days is beyond the five-year default").isEmpty();
    }

    @Test
    void theScheduleAlsoPrunesTheInstallationsOwnChainAndRecordsItThere() {
        int before = world.auditEntries(AuditLog.INSTALLATION).size();

        world.governance.schedule().runOnce();

        assertThat(world.auditEntries(AuditLog.INSTALLATION).subList(before,
                world.auditEntries(AuditLog.INSTALLATION).size()))
                .as("the key audit's recent entries keep the chain from being pruned, and the run says so")
                .anySatisfy(entry -> assertThat(entry).contains("\"action\":\"retention.expired\"",
                        "\"target\":\"audit/audit_entries:0\"", "\"actor_role\":\"service\""));
    }

    @Test
    void onlyAdministratorsWithTheScopeMayTouchRetention() throws Exception {
        var school = world.school(1);
        Caller student = TestContext.caller(Role.STUDENT, school.tenant().value(),
                Optional.of(school.students().getFirst().value()), RetentionTools.SCOPE);
        Caller unscoped = TestContext.caller(Role.ADMINISTRATOR, school.tenant().value(), Optional.of(UUID.randomUUID()),
                "requests:read");

        assertThat(error(world.call(RetentionTools.RUN, TestContext.of(student, Json.object()))))
                .contains("administrator");
        assertThat(error(world.call(RetentionTools.GET, TestContext.of(unscoped, Json.object()))))
                .contains(RetentionTools.SCOPE);
        assertThat(error(world.call(RetentionTools.SET, TestContext.anonymous(
                Json.object().put("category", "alerts").put("periodDays", 1))))).contains("Authentication is required");
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
