package org.margin.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.margin.audit.AuditDatabase;
import org.margin.audit.Entries;
import org.margin.audit.checkpoint.Checkpointer;
import org.margin.audit.keys.TamperEvidentKeyAudit;
import org.margin.audit.verify.AuditVerifier;
import org.margin.audit.verify.Verification;
import org.margin.privacy.crypto.KeyAuditEntry;
import org.margin.privacy.crypto.KeyOperation;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.store.Store;
import org.margin.store.StoreException;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.tenant.TenantId;

class AuditLogTest {

    private final AuditDatabase db = AuditDatabase.shared();

    @Test
    void concurrentRecordsFromTwoInstancesFormOneUnbrokenChain() {
        TenantId tenant = TenantId.random();
        try (Store second = db.database.storeBuilder().build();
             AuditLog one = AuditLog.create(db.store.auditTrail());
             AuditLog two = AuditLog.create(second.auditTrail());
             var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Set<Long> seqs = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                AuditLog log = i % 2 == 0 ? one : two;
                int n = i;
                all.add(CompletableFuture.runAsync(() -> seqs.add(log.recordDurably(tenant, Entries.disclosure(n))),
                        requests));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            assertThat(seqs).hasSize(400).allMatch(seq -> seq >= 1 && seq <= 400);
        }
        new Checkpointer(db.store.auditTrail(), db.checkpointKeys).checkpoint(tenant).orElseThrow();
        assertThat(new AuditVerifier(db.store.auditTrail(), db.checkpointKeys, 64).verify(tenant))
                .isEqualTo(new Verification.Verified(400, 1));
    }

    @Test
    void entriesOfAChainKeepTheOrderInWhichTheyWereRecorded() {
        TenantId tenant = TenantId.random();
        List<CompletableFuture<Long>> recorded = new ArrayList<>();
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            for (int i = 0; i < 300; i++) {
                recorded.add(log.record(tenant, Entries.disclosure(i)).toCompletableFuture());
                if (i % 10 == 0) {
                    log.record(TenantId.random(), Entries.disclosure(i));
                }
            }
        }
        List<AuditEntryRow> chain = db.store.auditTrail().page(tenant, 0, 1000);
        assertThat(chain).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(recorded.get(i).join()).isEqualTo(i + 1);
            assertThat(chain.get(i).payload()).isEqualTo(Entries.disclosure(i).canonicalBytes());
        }
        assertThat(new AuditVerifier(db.store.auditTrail(), db.checkpointKeys).verify(tenant))
                .isEqualTo(new Verification.Verified(300, 0));
    }

    @Test
    void aFailedAppendFailsEveryEntryOfItsBatchAndNothingOfItCommitsLater() throws SQLException {
        TenantId tenant = TenantId.random();
        try (Store impatient = db.database.storeBuilder().callTimeout(Duration.ofSeconds(1)).build();
             AuditLog log = AuditLog.create(impatient.auditTrail());
             Connection superuser = db.asSuperuser();
             Statement sql = superuser.createStatement()) {
            // Another writer of the chain that holds its lock too long: the append waits for it, then gives up.
            sql.execute("select pg_advisory_lock(hashtextextended('margin.audit:" + tenant + "', 0))");
            List<CompletableFuture<Long>> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(log.record(tenant, Entries.disclosure(i)).toCompletableFuture());
            }
            for (CompletableFuture<Long> entry : batch) {
                assertThatThrownBy(entry::join).hasCauseInstanceOf(StoreException.class);
            }
            sql.execute("select pg_advisory_unlock(hashtextextended('margin.audit:" + tenant + "', 0))");
            // Had a failed append gone on once the lock was free, this entry would not be the first.
            assertThat(log.recordDurably(tenant, Entries.disclosure(99))).isEqualTo(1);
        }
        assertThat(db.store.auditTrail().page(tenant, 0, 100)).singleElement()
                .satisfies(only -> assertThat(only.payload()).isEqualTo(Entries.disclosure(99).canonicalBytes()));
        assertThat(new AuditVerifier(db.store.auditTrail(), db.checkpointKeys).verify(tenant))
                .isEqualTo(new Verification.Verified(1, 0));
    }

    @Test
    void theDatabaseRefusesAnAppendWithoutATenantOrWithLengthsThatDoNotSplitThePayloads() throws SQLException {
        TenantId tenant = TenantId.random();
        try (Connection app = db.asApp(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> sql.execute("select audit_append(now(), '\\x7b7d'::bytea, array[2])"))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            app.rollback();
            sql.execute("select set_config('app.tenant', '" + tenant + "', true)");
            for (String lengths : List.of("array[1]", "array[3]", "array[1, 2]", "array[]::integer[]",
                    "array[-1, 3]")) {
                sql.execute("savepoint before");
                assertThatThrownBy(() -> sql.execute("select audit_append(now(), '\\x7b7d'::bytea, " + lengths
                        + ")")).as(lengths).isInstanceOfSatisfying(SQLException.class,
                        refused -> assertThat(refused.getSQLState()).isEqualTo("22023"));
                sql.execute("rollback to savepoint before");
            }
            app.rollback();
        }
        assertThat(db.store.auditTrail().page(tenant, 0, 10)).isEmpty();
    }

    @Test
    void aRecordCompletesOnlyOnceItsEntryIsCommitted() throws SQLException {
        TenantId tenant = TenantId.random();
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            long seq = log.record(tenant, Entries.disclosure(1)).toCompletableFuture().join();
            assertThat(seq).isEqualTo(1);
            try (Connection superuser = db.asSuperuser(); Statement sql = superuser.createStatement()) {
                var rows = sql.executeQuery("select count(*) from audit_entries where institution_id = '"
                        + tenant + "'");
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void keyOperationsAlsoLandInTheInstallationChain() {
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            long before = db.store.auditTrail().page(AuditLog.INSTALLATION, 0, 1_000_000).size();
            new TamperEvidentKeyAudit(db.store.keyAudit(), log).record(new KeyAuditEntry(Instant.now(), "admin-1",
                    KeyOperation.KEY_ADDED, KeyPurpose.ROW, OptionalInt.of(42)));
            var chain = db.store.auditTrail().page(AuditLog.INSTALLATION, 0, 1_000_000);
            assertThat(chain).hasSize((int) before + 1);
            assertThat(new String(chain.getLast().payload())).contains("\"operation\":\"key_added\"",
                    "\"key_id\":42", "\"purpose\":\"row\"");
        }
    }

    @Test
    void theApplicationRoleMayInsertAndReadButNeverChange() throws SQLException {
        TenantId tenant = TenantId.random();
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            log.recordDurably(tenant, Entries.disclosure(1));
        }
        new Checkpointer(db.store.auditTrail(), db.checkpointKeys).checkpoint(tenant).orElseThrow();
        for (String change : List.of(
                "update audit_entries set payload = '\\x00'::bytea where institution_id = '" + tenant + "'",
                "delete from audit_entries where institution_id = '" + tenant + "'",
                "truncate audit_entries",
                "update audit_checkpoints set tree_size = 2 where institution_id = '" + tenant + "'",
                "delete from audit_checkpoints where institution_id = '" + tenant + "'",
                "truncate audit_checkpoints")) {
            try (Connection app = db.asApp(); Statement sql = app.createStatement()) {
                app.setAutoCommit(false);
                sql.execute("select set_config('app.tenant', '" + tenant + "', true)");
                assertThatThrownBy(() -> sql.execute(change)).as(change)
                        .isInstanceOfSatisfying(SQLException.class,
                                refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            }
            try (Connection owner = db.asOwner(); Statement sql = owner.createStatement()) {
                assertThatThrownBy(() -> sql.execute(change)).as("the owner: " + change)
                        .isInstanceOfSatisfying(SQLException.class,
                                refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(new AuditVerifier(db.store.auditTrail(), db.checkpointKeys).verify(tenant))
                .isEqualTo(new Verification.Verified(1, 1));
    }

    @Test
    void anotherTenantsChainIsInvisible() {
        TenantId tenant = TenantId.random();
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            log.recordDurably(tenant, Entries.disclosure(1));
        }
        assertThat(db.store.auditTrail().page(TenantId.random(), 0, 10)).isEmpty();
        assertThat(db.store.auditTrail().chains()).contains(tenant);
    }
}
