package org.margin.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.margin.audit.AuditDatabase;
import org.margin.audit.Entries;
import org.margin.audit.checkpoint.Checkpointer;
import org.margin.audit.log.AuditLog;
import org.margin.audit.merkle.TreeHashes;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.KeyManager;
import org.margin.audit.checkpoint.CheckpointKeys;
import org.margin.store.audit.AuditCheckpointRow;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.tenant.TenantId;
import java.nio.file.Path;

/**
 * Each tampering done as the cluster's superuser with triggers off (session_replication_role = replica): the
 * verifier names the first bad entry and what is wrong with it.
 */
class TamperingTest {

    private final AuditDatabase db = AuditDatabase.shared();
    private final AuditVerifier verifier = new AuditVerifier(db.store.auditTrail(), db.checkpointKeys, 16);

    /** 50 entries with checkpoints at 20 and 50. */
    private TenantId chain() {
        TenantId tenant = TenantId.random();
        Checkpointer checkpointer = new Checkpointer(db.store.auditTrail(), db.checkpointKeys);
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            for (int i = 1; i <= 50; i++) {
                log.recordDurably(tenant, Entries.disclosure(i));
                if (i == 20 || i == 50) {
                    checkpointer.checkpoint(tenant).orElseThrow();
                }
            }
        }
        assertThat(verifier.verify(tenant)).isEqualTo(new Verification.Verified(50, 2));
        return tenant;
    }

    private void tamper(TenantId tenant, String... statements) throws SQLException {
        try (Connection superuser = db.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            for (String statement : statements) {
                sql.execute(statement.replace("$tenant", "'" + tenant + "'"));
            }
        }
    }

    @Test
    void anAlteredPayloadIsNamed() throws SQLException {
        TenantId tenant = chain();
        tamper(tenant, "update audit_entries set payload = replace(encode(payload, 'escape'), 'metrics', 'profile')"
                + "::bytea where institution_id = $tenant and seq = 7");
        assertFailure(tenant, 7, Tampering.ALTERED);
    }

    @Test
    void aRemovedEntryIsNamed() throws SQLException {
        TenantId tenant = chain();
        tamper(tenant, "delete from audit_entries where institution_id = $tenant and seq = 7");
        assertFailure(tenant, 7, Tampering.REMOVED);
    }

    @Test
    void entriesRemovedFromTheEndAreFoundByTheCheckpointThatCoversThem() throws SQLException {
        TenantId tenant = chain();
        tamper(tenant, "delete from audit_entries where institution_id = $tenant and seq > 45");
        assertFailure(tenant, 46, Tampering.REMOVED);
    }

    @Test
    void twoSwappedEntriesAreNamed() throws SQLException {
        TenantId tenant = chain();
        tamper(tenant,
                "update audit_entries set seq = 1000000 where institution_id = $tenant and seq = 7",
                "update audit_entries set seq = 7 where institution_id = $tenant and seq = 8",
                "update audit_entries set seq = 8 where institution_id = $tenant and seq = 1000000");
        Verification outcome = assertFailure(tenant, 7, Tampering.REORDERED);
        assertThat(((Verification.Failed) outcome).detail()).contains("stored as 8 belongs at 7");
    }

    @Test
    void aRewriteThatRecomputesTheChainIsCaughtByTheCheckpoint() throws SQLException {
        TenantId tenant = chain();
        // Entry 30 replaced by another, and every chain hash from 30 on recomputed: the chain alone looks whole.
        byte[] previous = db.store.auditTrail().page(tenant, 28, 1).getFirst().chainHash();
        try (Connection superuser = db.asSuperuser()) {
            superuser.createStatement().execute("set session_replication_role = replica");
            for (AuditEntryRow row : db.store.auditTrail().page(tenant, 29, 100)) {
                byte[] payload = row.seq() == 30 ? Entries.disclosure(999).canonicalBytes() : row.payload();
                previous = TreeHashes.chain(previous, TreeHashes.leaf(payload));
                try (PreparedStatement update = superuser.prepareStatement("update audit_entries set payload = ?, "
                        + "chain_hash = ? where institution_id = ?::uuid and seq = ?")) {
                    update.setBytes(1, payload);
                    update.setBytes(2, previous);
                    update.setString(3, tenant.toString());
                    update.setLong(4, row.seq());
                    update.executeUpdate();
                }
            }
        }
        Verification.Failed failed = assertFailure(tenant, 21, Tampering.ALTERED);
        assertThat(failed.detail()).contains("21 to 50");
    }

    @Test
    void aForgedCheckpointSignatureIsNamed() throws SQLException {
        TenantId tenant = chain();
        tamper(tenant, "update audit_checkpoints set signature = overlay(signature placing '\\x00'::bytea from 20)"
                + " where institution_id = $tenant and tree_size = 50");
        assertFailure(tenant, 50, Tampering.BAD_CHECKPOINT);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused(@org.junit.jupiter.api.io.TempDir Path elsewhere) {
        TenantId tenant = chain();
        Keysets forgerKeys = new Keysets(new InMemoryKeysets(), LocalKeyEncryptionKey.openOrCreate(elsewhere),
                entry -> { }, "forger");
        new KeyManager(forgerKeys).createKeyset("forger", KeyPurpose.AUDIT_SIGNING);
        AuditCheckpointRow forged = new CheckpointKeys(forgerKeys).sign(tenant, 50,
                db.store.auditTrail().checkpoints(tenant).getLast().rootHash());
        db.store.auditTrail().addCheckpoint(tenant, new AuditCheckpointRow(49, forged.rootHash(),
                forged.signature(), forged.keyId(), forged.signedAt()));
        assertFailure(tenant, 49, Tampering.BAD_CHECKPOINT);
    }

    @Test
    void aCheckpointOfAnotherTenantDoesNotVerifyHere() {
        TenantId tenant = chain();
        TenantId other = chain();
        AuditCheckpointRow theirs = db.store.auditTrail().checkpoints(other).getFirst();
        db.store.auditTrail().addCheckpoint(tenant, new AuditCheckpointRow(19, theirs.rootHash(),
                theirs.signature(), theirs.keyId(), theirs.signedAt()));
        assertFailure(tenant, 19, Tampering.BAD_CHECKPOINT);
    }

    @Test
    void anEmptyChainVerifies() {
        assertThat(verifier.verify(TenantId.random())).isEqualTo(new Verification.Verified(0, 0));
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
