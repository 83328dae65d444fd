package org.margin.audit.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.margin.audit.AuditDatabase;
import org.margin.audit.Entries;
import org.margin.audit.checkpoint.Checkpointer;
import org.margin.audit.log.AuditLog;
import org.margin.audit.verify.AuditVerifier;
import org.margin.audit.verify.Tampering;
import org.margin.audit.verify.Verification;
import org.margin.store.StoreRejectedException;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.tenant.TenantId;

/**
 * Pruning on a real PostgreSQL: only up to a signed checkpoint whose entries are all older than the period (seven
 * years here, the default), with an anchor the verifier starts from; the application role still cannot delete.
 */
class PruningTest {

    private static final Clock EIGHT_YEARS_AGO = Clock.fixed(Instant.now().minus(Duration.ofDays(8 * 365)),
            ZoneOffset.UTC);

    private final AuditDatabase db = AuditDatabase.shared();
    private final AuditVerifier verifier = new AuditVerifier(db.store.auditTrail(), db.checkpointKeys, 16);
    private final AuditPruner pruner = new AuditPruner(db.store.auditTrail(), verifier);
    private final Checkpointer checkpointer = new Checkpointer(db.store.auditTrail(), db.checkpointKeys);

    /**
     * Entries 1 to 25 recorded eight years ago, 26 to 30 now; checkpoints at 10, 20 and 30. The prune point is 20:
     * 21 to 25 are old but their only checkpoint also covers entries of today.
     */
    private TenantId chain() {
        TenantId tenant = TenantId.random();
        append(tenant, EIGHT_YEARS_AGO, 1, 10);
        checkpointer.checkpoint(tenant).orElseThrow();
        append(tenant, EIGHT_YEARS_AGO, 11, 20);
        checkpointer.checkpoint(tenant).orElseThrow();
        append(tenant, EIGHT_YEARS_AGO, 21, 25);
        append(tenant, Clock.systemUTC(), 26, 30);
        checkpointer.checkpoint(tenant).orElseThrow();
        return tenant;
    }

    private void append(TenantId tenant, Clock clock, int from, int to) {
        try (AuditLog log = AuditLog.create(db.store.auditTrail(), clock)) {
            for (int i = from; i <= to; i++) {
                log.recordDurably(tenant, Entries.disclosure(i));
            }
        }
    }

    @Test
    void prunesUpToTheNewestDueCheckpointAndTheRestStillVerifies() {
        TenantId tenant = chain();

        assertThat(pruner.prune(tenant)).isEqualTo(new Pruning.Pruned(20, 20));

        assertThat(db.store.auditTrail().page(tenant, 0, 100)).extracting(AuditEntryRow::seq)
                .containsExactly(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
        assertThat(verifier.verify(tenant)).isEqualTo(new Verification.Verified(30, 3));
        assertThat(pruner.prune(tenant)).isEqualTo(new Pruning.NothingDue());
    }

    @Test
    void theChainGoesOnAfterThePruneWithCheckpointsFromTheAnchor() {
        TenantId tenant = chain();
        pruner.prune(tenant);

        append(tenant, Clock.systemUTC(), 31, 37);
        checkpointer.checkpoint(tenant).orElseThrow();

        assertThat(verifier.verify(tenant)).isEqualTo(new Verification.Verified(37, 4));
    }

    @Test
    void aChainPrunedToItsLastEntryContinuesFromTheAnchor() {
        TenantId tenant = TenantId.random();
        append(tenant, EIGHT_YEARS_AGO, 1, 12);
        checkpointer.checkpoint(tenant).orElseThrow();

        assertThat(pruner.prune(tenant)).isEqualTo(new Pruning.Pruned(12, 12));
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).isEmpty();

        append(tenant, Clock.systemUTC(), 13, 15);
        checkpointer.checkpoint(tenant).orElseThrow();
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).extracting(AuditEntryRow::seq)
                .containsExactly(13L, 14L, 15L);
        assertThat(verifier.verify(tenant)).isEqualTo(new Verification.Verified(15, 2));
    }

    @Test
    void nothingNewerThanThePeriodIsPruned() {
        TenantId tenant = TenantId.random();
        append(tenant, Clock.systemUTC(), 1, 10);
        checkpointer.checkpoint(tenant).orElseThrow();

        assertThat(pruner.prune(tenant)).isEqualTo(new Pruning.NothingDue());
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).hasSize(10);
    }

    @Test
    void oldEntriesWithoutACheckpointAreNotPruned() {
        TenantId tenant = TenantId.random();
        append(tenant, EIGHT_YEARS_AGO, 1, 10);

        assertThat(pruner.prune(tenant)).isEqualTo(new Pruning.NothingDue());
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).hasSize(10);
    }

    @Test
    void aChainThatDoesNotVerifyIsNotPruned() throws SQLException {
        TenantId tenant = chain();
        tamper(tenant, "update audit_entries set payload = replace(encode(payload, 'escape'), 'metrics', 'profile')"
                + "::bytea where institution_id = $tenant and seq = 7");

        assertThat(pruner.prune(tenant)).isInstanceOfSatisfying(Pruning.Refused.class,
                refused -> assertThat(refused.failure().seq()).isEqualTo(7));
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).hasSize(30);
    }

    @Test
    void aRowAlteredAfterThePruneIsStillNamed() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        tamper(tenant, "update audit_entries set payload = replace(encode(payload, 'escape'), 'metrics', 'profile')"
                + "::bytea where institution_id = $tenant and seq = 23");

        assertFailure(tenant, 23, Tampering.ALTERED);
    }

    @Test
    void theFirstEntryAfterTheAnchorRemovedIsNamed() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        tamper(tenant, "delete from audit_entries where institution_id = $tenant and seq = 21");

        assertFailure(tenant, 21, Tampering.REMOVED);
    }

    @Test
    void noCheckpointIsSignedOverAGapThatNoPruneLeft() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        append(tenant, Clock.systemUTC(), 31, 33);
        tamper(tenant, "delete from audit_entries where institution_id = $tenant and seq = 32");

        assertThatThrownBy(() -> checkpointer.checkpoint(tenant)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gap after entry 31");
        assertThat(db.store.auditTrail().checkpoints(tenant).getLast().treeSize()).isEqualTo(30);
    }

    @Test
    void anAnchorWithAnotherRootIsCaughtByItsSignature() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        tamper(tenant, "update audit_anchors set root_hash = sha256('forged'::bytea) where institution_id = $tenant");

        assertFailure(tenant, 20, Tampering.BAD_CHECKPOINT);
    }

    @Test
    void anAnchorMovedToAnotherTreeSizeIsCaughtByItsSignature() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        // 24 has as many set bits as 20, so the compact range still has the right length.
        tamper(tenant, "update audit_anchors set tree_size = 24 where institution_id = $tenant");

        assertFailure(tenant, 24, Tampering.BAD_CHECKPOINT);
    }

    @Test
    void anAnchorWithAnotherCompactRangeIsNamed() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        tamper(tenant, "update audit_anchors set compact_range = overlay(compact_range placing '\\x00'::bytea from 5)"
                + " where institution_id = $tenant");

        Verification.Failed failed = assertFailure(tenant, 20, Tampering.BAD_CHECKPOINT);
        assertThat(failed.detail()).contains("compact range");
    }

    @Test
    void theApplicationRoleCannotDeleteEntriesItself() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        try (Connection app = db.asApp(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant', '" + tenant + "', true)");
            sql.execute("select set_config('margin.audit_pruning', '" + tenant + "', true)");
            for (String change : List.of("delete from audit_entries where seq = 21",
                    "delete from audit_anchors", "update audit_anchors set tree_size = 30",
                    "insert into audit_anchors (institution_id, tree_size, root_hash, signature, key_id, signed_at,"
                            + " chain_hash, compact_range) select institution_id, 30, root_hash, signature, key_id,"
                            + " signed_at, chain_hash, compact_range from audit_anchors")) {
                sql.execute("savepoint attempt");
                assertThatThrownBy(() -> sql.execute(change)).as(change)
                        .isInstanceOfSatisfying(SQLException.class,
                                refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
                sql.execute("rollback to savepoint attempt");
            }
        }
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).hasSize(10);
    }

    @Test
    void theTriggerAdmitsNoDeleteBeyondTheAnchorEvenForTheOwner() throws SQLException {
        TenantId tenant = chain();
        pruner.prune(tenant);
        try (Connection owner = db.asOwner(); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("select set_config('app.tenant', '" + tenant + "', true)");
            sql.execute("select set_config('margin.audit_pruning', '" + tenant + "', true)");
            assertThatThrownBy(() -> sql.execute("delete from audit_entries where institution_id = '" + tenant
                    + "' and seq = 21")).isInstanceOfSatisfying(SQLException.class,
                    refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
        }
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).hasSize(10);
    }

    @Test
    void thePruneFunctionTakesOnlyThePrunePointAndARangeThatGivesItsSignedRoot() {
        TenantId tenant = chain();
        var trail = db.store.auditTrail();
        List<byte[]> wrong = List.of(new byte[32], new byte[32]);

        assertThatThrownBy(() -> trail.prune(tenant, 30, List.of(new byte[32], new byte[32], new byte[32], new byte[32])))
                .isInstanceOf(StoreRejectedException.class);
        assertThatThrownBy(() -> trail.prune(tenant, 20, wrong)).isInstanceOf(StoreRejectedException.class);
        assertThatThrownBy(() -> trail.prune(tenant, 20, List.of(new byte[32])))
                .isInstanceOf(StoreRejectedException.class);
        assertThat(trail.anchor(tenant)).isEmpty();
        assertThat(trail.page(tenant, 0, 100)).hasSize(30);
    }

    private void tamper(TenantId tenant, String... statements) throws SQLException {
        try (Connection superuser = db.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            for (String statement : statements) {
                sql.execute(statement.replace("$tenant", "'" + tenant + "'"));
            }
        }
    }

    private Verification.Failed assertFailure(TenantId tenant, long seq, Tampering tampering) {
        Verification outcome = verifier.verify(tenant);
        assertThat(outcome).isInstanceOfSatisfying(Verification.Failed.class, failed -> {
            assertThat(failed.seq()).as(failed.detail()).isEqualTo(seq);
            assertThat(failed.tampering()).as(failed.detail()).isEqualTo(tampering);
        });
        return (Verification.Failed) outcome;
    }
}
