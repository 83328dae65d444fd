package org.margin.audit.checkpoint;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import org.margin.privacy.crypto.KeyIds;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.KeysetUnavailableException;
import org.margin.store.audit.AuditCheckpointRow;
import org.margin.store.tenant.TenantId;

/**
 * The checkpoint signing keyset ({@link KeyPurpose#AUDIT_SIGNING}, ECDSA P-256), kept like every other keyset:
 * wrapped by the key-encryption key in the store, created by the keyset bootstrap, rotated by the key manager. It is
 * unwrapped on first use and again when a newer version is stored; verification uses its public half, so a
 * checkpoint signed under an older key that is still enabled verifies after a rotation.
 */
public final class CheckpointKeys {

    private record Loaded(long version, KeysetHandle handle, PublicKeySign signer, PublicKeyVerify verifier) {
    }

    private final Keysets keysets;
    private volatile Loaded loaded;

    public CheckpointKeys(Keysets keysets) {
        this.keysets = keysets;
    }

    /** Signs the root of {@code tenant}'s first {@code treeSize} entries, now. */
    public AuditCheckpointRow sign(TenantId tenant, long treeSize, byte[] root) {
        Loaded keys = current();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditCheckpointRow unsigned = new AuditCheckpointRow(treeSize, root, new byte[0],
                KeyIds.unsigned(keys.handle().getPrimary().getId()), now);
        try {
            byte[] signature = keys.signer().sign(SignedCheckpoint.bytes(tenant, unsigned));
            return new AuditCheckpointRow(treeSize, root, signature, unsigned.keyId(), now);
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("the audit signing key did not sign", failure);
        }
    }

    /** Whether {@code checkpoint}'s signature is one of this keyset's over its fields for {@code tenant}. */
    public boolean verifies(TenantId tenant, AuditCheckpointRow checkpoint) {
        try {
            current().verifier().verify(checkpoint.signature(), SignedCheckpoint.bytes(tenant, checkpoint));
            return true;
        } catch (GeneralSecurityException forged) {
            return false;
        }
    }

    private Loaded current() {
        Loaded held = loaded;
        OptionalLong stored = keysets.latestVersion(KeyPurpose.AUDIT_SIGNING);
        if (held != null && (stored.isEmpty() || stored.getAsLong() <= held.version())) {
            return held;
        }
        synchronized (this) {
            if (loaded != null && loaded != held) {
                return loaded;
            }
            Keysets.Versioned keyset = keysets.load(KeyPurpose.AUDIT_SIGNING).orElseThrow(() ->
                    new KeysetUnavailableException("no audit-signing keyset has been created"));
            try {
                KeysetHandle handle = keyset.handle();
                loaded = new Loaded(keyset.version(), handle,
                        handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
                        handle.getPublicKeysetHandle().getPrimitive(RegistryConfiguration.get(),
                                PublicKeyVerify.class));
                return loaded;
            } catch (GeneralSecurityException failure) {
                throw new KeysetUnavailableException("the audit-signing keyset gives no signature primitive",
                        failure);
            }
        }
    }
}
