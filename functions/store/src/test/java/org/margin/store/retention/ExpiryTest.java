package org.margin.store.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.margin.store.integrity.Fingerprint.Kind.PASSAGE;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.alert.RuleKind;
import org.margin.store.alert.SubmissionAlert;
import org.margin.store.consent.Purpose;
import org.margin.store.integrity.Fingerprint;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.profile.SampleMetrics;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/** Expiry by category on a real PostgreSQL: what is older than the cutoff goes, what is derived stays right. */
class ExpiryTest {

    private static final Instant OLD = Instant.parse("2020-01-10T10:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-09-20T10:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2024-01-01T00:00:00Z");

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private record Filed(World world, PersonId student, SubmissionId old, SubmissionId recent) {
    }

    private static Filed filed() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        Random random = new Random(3);
        SubmissionId old = submit(world, student, OLD, random);
        SubmissionId recent = submit(world, student, RECENT, random);
        AlertRuleId rule = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.of(world.course()),
                RuleKind.METRIC_THRESHOLD, "{\"metric\": \"mtld\", \"comparison\": \"below\", \"threshold\": 40}",
                world.teacher()));
        store.alerts().raise(world.tenant(), List.of(new SubmissionAlert(rule, RuleKind.METRIC_THRESHOLD, recent,
                Optional.of(Metric.MTLD), 3, World.TERM_START.plusWeeks(3))));
        return new Filed(world, student, old, recent);
    }

    private static SubmissionId submit(World world, PersonId student, Instant at, Random random) {
        SubmissionId id = store.submissions().submit(world.tenant(), new NewSubmission(world.course(), student, at,
                World.opaque("text at " + at)));
        store.profiles().record(world.tenant(), id, SampleMetrics.draw(random));
        store.fingerprints().record(world.tenant(), id, List.of(new Fingerprint(PASSAGE, 5, 0, 0, 5)));
        store.integrityReports().save(world.tenant(), id, World.opaque("{}"));
        return id;
    }

    @Test
    void expiredSubmissionsTakeTheirDerivedRowsAndTheProfileIsRecomputedFromWhatRemains() {
        Filed filed = filed();

        Expired expired = store.expiry().expire(filed.world().tenant(), RetentionCategory.SUBMISSIONS, CUTOFF);

        assertThat(expired.deleted()).containsEntry("submissions", 1L).containsEntry("writing_metrics", 1L)
                .containsEntry("fingerprints", 1L).containsEntry("integrity_reports", 1L);
        assertThat(expired.submissions()).containsExactly(filed.old());
        assertThat(expired.students()).containsExactly(filed.student());
        assertThat(store.submissions().find(filed.world().tenant(), filed.old(), Consistency.READ_YOUR_WRITES))
                .isEmpty();
        assertThat(store.submissions().find(filed.world().tenant(), filed.recent(), Consistency.READ_YOUR_WRITES))
                .isPresent();
        assertThat(store.profiles().profile(filed.world().tenant(), filed.student(), Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(profile -> assertThat(profile.submissions()).isEqualTo(1));
        assertThat(store.expiry().expire(filed.world().tenant(), RetentionCategory.SUBMISSIONS, CUTOFF).total())
                .as("a second run").isZero();
    }

    @Test
    void expiredMetricsLeaveSubmissionsAndRecomputeTheProfile() {
        Filed filed = filed();

        Expired expired = store.expiry().expire(filed.world().tenant(), RetentionCategory.METRICS, CUTOFF);

        assertThat(expired.deleted()).containsEntry("writing_metrics", 1L);
        assertThat(store.submissions().find(filed.world().tenant(), filed.old(), Consistency.READ_YOUR_WRITES))
                .isPresent();
        assertThat(store.profiles().profile(filed.world().tenant(), filed.student(), Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(profile -> assertThat(profile.submissions()).isEqualTo(1));
    }

    @Test
    void aWithdrawnPurposeTakesWhatWasProcessedForItBeforeTheWithdrawalOnly() {
        Filed filed = filed();
        TenantId tenant = filed.world().tenant();
        assertThat(store.fingerprints().frequencies(tenant, filed.world().course(), List.of(5L),
                Consistency.READ_YOUR_WRITES)).isEqualTo(new HashFrequencies(2, java.util.Map.of(5L, 2)));

        Expired integrity = store.expiry().withdrawn(tenant, filed.student(), Purpose.INTEGRITY, CUTOFF);
        Expired analysis = store.expiry().withdrawn(tenant, filed.student(), Purpose.ANALYSIS, CUTOFF);

        assertThat(integrity.deleted()).containsEntry("fingerprints", 1L).containsEntry("integrity_reports", 1L);
        store.indexCounts().apply(tenant);
        assertThat(integrity.submissions()).containsExactly(filed.old());
        assertThat(store.integrityReports().find(tenant, filed.old(), Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.integrityReports().find(tenant, filed.recent(), Consistency.READ_YOUR_WRITES)).isPresent();
        assertThat(store.fingerprints().frequencies(tenant, filed.world().course(), List.of(5L),
                Consistency.READ_YOUR_WRITES)).as("the index counts taken back")
                .isEqualTo(new HashFrequencies(1, java.util.Map.of(5L, 1)));
        assertThat(analysis.deleted()).containsEntry("writing_metrics", 1L);
        assertThat(store.profiles().profile(tenant, filed.student(), Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(profile -> assertThat(profile.submissions()).isEqualTo(1));
        assertThat(store.submissions().find(tenant, filed.old(), Consistency.READ_YOUR_WRITES))
                .as("the submission is the submissions category's").isPresent();
        assertThat(store.expiry().withdrawn(tenant, filed.student(), Purpose.INTEGRITY, CUTOFF).total()
                + store.expiry().withdrawn(tenant, filed.student(), Purpose.ANALYSIS, CUTOFF).total())
                .as("applied again").isZero();
    }

    @Test
    void fingerprintsAndAlertsExpireOnTheirOwnAndAuditIsNotExpiredHere() {
        Filed filed = filed();

        Expired fingerprints = store.expiry().expire(filed.world().tenant(), RetentionCategory.FINGERPRINTS,
                Instant.now().plus(1, ChronoUnit.DAYS));
        Expired alerts = store.expiry().expire(filed.world().tenant(), RetentionCategory.ALERTS,
                Instant.now().plus(1, ChronoUnit.DAYS));

        assertThat(fingerprints.deleted()).containsEntry("fingerprints", 2L).containsEntry("integrity_reports", 2L);
        assertThat(alerts.deleted()).containsEntry("alerts", 1L);
        assertThat(store.fingerprints().overlaps(filed.world().tenant(), filed.recent(), 5,
                Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThatThrownBy(() -> store.expiry().expire(filed.world().tenant(), RetentionCategory.AUDIT, CUTOFF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policiesHaveFiniteDefaultsAndKeepWhatTheInstitutionSets() {
        World world = World.create(store, 0);

        store.retentionPolicies().set(world.tenant(), RetentionCategory.ALERTS, 30);

        assertThat(store.retentionPolicies().periods(world.tenant(), Consistency.READ_YOUR_WRITES))
                .containsEntry(RetentionCategory.ALERTS, 30)
                .containsEntry(RetentionCategory.SUBMISSIONS, RetentionCategory.SUBMISSIONS.defaultDays())
                .hasSize(RetentionCategory.values().length);
        assertThatThrownBy(() -> store.retentionPolicies().set(world.tenant(), RetentionCategory.ALERTS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.retentionPolicies().tenants()).contains(world.tenant());
    }
}
