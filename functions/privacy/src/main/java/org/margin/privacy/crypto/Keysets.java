package org.margin.privacy.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.margin.privacy.crypto.kms.KeyEncryptionKey;

/**
 * The envelope: keysets wrapped by the key-encryption key on the way into a {@link KeysetRepository}, unwrapped on
 * the way out. The wrapped bytes are bound to the keyset's name as associated data, so one purpose's keyset
 * cannot be passed off as another's. Every unwrap is audited.
 */
public final class Keysets {

    /** One version of a keyset, unwrapped. */
    public record Versioned(long version, KeysetHandle handle) {
    }

    private final KeysetRepository repository;
    private final KeyEncryptionKey kek;
    private final KeyAudit audit;
    private final String actor;
    private final Clock clock;

    /**
     * @param actor who this process is in the audit (an instance or administrator name), for the unwraps it does
     */
    public Keysets(KeysetRepository repository, KeyEncryptionKey kek, KeyAudit audit, String actor) {
        this(repository, kek, audit, actor, Clock.systemUTC());
    }

    Keysets(KeysetRepository repository, KeyEncryptionKey kek, KeyAudit audit, String actor, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.kek = Objects.requireNonNull(kek, "kek");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clock = clock;
    }

    /** The newest version of the purpose's keyset, unwrapped; empty if none was created. */
    public Optional<Versioned> load(KeyPurpose purpose) {
        TinkKeyTypes.register();
        Optional<StoredKeyset> stored = read(purpose);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    stored.get().encrypted(), kek.aead(), associatedData(purpose));
            record(actor, KeyOperation.KEK_UNWRAP, purpose, OptionalInt.of(handle.getPrimary().getId()));
            return Optional.of(new Versioned(stored.get().version(), handle));
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("the key-encryption key did not unwrap the " + purpose.keysetName()
                    + " keyset (version " + stored.get().version() + ")", failure);
        }
    }

    /** The newest version number of the purpose's keyset, without unwrapping it. */
    public OptionalLong latestVersion(KeyPurpose purpose) {
        try {
            return repository.latestVersion(purpose.keysetName());
        } catch (RuntimeException failure) {
            throw new KeysetUnavailableException("the keyset repository could not be read", failure);
        }
    }

    /**
     * Wraps {@code handle} and stores it as {@code version}.
     *
     * @throws KeysetVersionConflictException if that version exists (a concurrent change): reload and redo
     */
    public void store(KeyPurpose purpose, long version, KeysetHandle handle) {
        TinkKeyTypes.register();
        try {
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, kek.aead(),
                    associatedData(purpose));
            repository.append(new StoredKeyset(purpose.keysetName(), version, wrapped));
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("the key-encryption key did not wrap the " + purpose.keysetName()
                    + " keyset", failure);
        }
    }

    /** Records an operation in the audit, now. */
    public void record(String actor, KeyOperation operation, KeyPurpose purpose, OptionalInt keyId) {
        audit.record(new KeyAuditEntry(clock.instant(), actor, operation, purpose, keyId));
    }

    private Optional<StoredKeyset> read(KeyPurpose purpose) {
        try {
            return repository.latest(purpose.keysetName());
        } catch (RuntimeException failure) {
            throw new KeysetUnavailableException("the keyset repository could not be read", failure);
        }
    }

    private static byte[] associatedData(KeyPurpose purpose) {
        return ("margin-keyset:" + purpose.keysetName()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Tink's key types, registered when a keyset is first loaded or stored rather than when this class is: the
     * registration takes about a tenth of a second of a function's cold start, before any request needs a key.
     */
    private static final class TinkKeyTypes {
        static {
            try {
                AeadConfig.register();
                DeterministicAeadConfig.register();
                SignatureConfig.register();
            } catch (GeneralSecurityException failure) {
                throw new ExceptionInInitializerError(failure);
            }
        }

        /** Does nothing itself: calling it runs the registration above, once. */
        static void register() {
        }
    }
}
