package org.margin.privacy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A function instance's keys: for each {@link KeyPurpose}, the newest keyset unwrapped once and its Tink primitive
 * kept, so an encryption costs a volatile read and the cipher, never a KMS call or a keyset parse.
 *
 * <p>Nothing is loaded when the keyring is built; a purpose's keyset is loaded on its first use, and from then on a
 * background virtual thread compares the stored version with the one held every {@code refreshInterval} and loads a
 * newer one. {@link #refresh()} does that at once. A ciphertext made with a key this instance does not know yet (a
 * key another instance just promoted) makes the keyring refresh that purpose before giving up, at most once per
 * {@value #ON_DEMAND_GAP_MILLIS} ms, so instances follow a rotation without a restart.
 */
public final class Keyring implements AutoCloseable {

    static final long ON_DEMAND_GAP_MILLIS = 500;
    private static final byte[] GRID_FORMAT = {'G', 1};

    /** One purpose's keyset as this instance holds it. */
    private record Loaded(long version, int primaryId, Set<Integer> enabledIds, Aead aead, DeterministicAead daead,
                          List<DeterministicAead> daeadPerKey) {
    }

    private final Keysets keysets;
    private final Duration refreshInterval;
    private final AtomicReferenceArray<Loaded> loaded = new AtomicReferenceArray<>(KeyPurpose.values().length);
    private final long[] lastOnDemandRefresh = new long[KeyPurpose.values().length];
    private final Object loadLock = new Object();
    private Thread refresher;
    private volatile boolean closed;

    private Keyring(Keysets keysets, Duration refreshInterval) {
        this.keysets = keysets;
        this.refreshInterval = refreshInterval;
    }

    /**
     * @param keysets         where the keysets come from
     * @param refreshInterval how often to look for a new keyset version (a cheap version read), e.g. 10 s
     */
    public static Keyring create(Keysets keysets, Duration refreshInterval) {
        Objects.requireNonNull(keysets, "keysets");
        if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be positive");
        }
        return new Keyring(keysets, refreshInterval);
    }

    // ---- row fields ----

    /** Encrypts a field of a row (AES-256-GCM, the row's context as associated data). */
    public byte[] encrypt(RowContext row, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return aead(KeyPurpose.ROW).encrypt(plaintext, row.associatedData());
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM encryption failed", failure);
        }
    }

    /** Decrypts what {@link #encrypt} made for the same row context. */
    public byte[] decrypt(RowContext row, byte[] ciphertext) {
        return open(KeyPurpose.ROW, ciphertext, row.associatedData());
    }

    // ---- lookups ----

    /**
     * The deterministic bytes for a {@code *_lookup} column ({@link LookupColumn}): the normalised value under
     * the lookup keyset's primary key, bound to tenant and column. Equal values give equal bytes within a tenant
     * and column, and different bytes across them.
     */
    public byte[] lookup(UUID tenant, LookupColumn column, String value) {
        return lookup(deterministicAead(KeyPurpose.LOOKUP), tenant, column, value);
    }

    /**
     * The lookup bytes under every enabled key of the lookup keyset, primary first. While a rotation of the lookup
     * keyset has not re-encrypted every row, a row may still hold the bytes of an older key: look up each candidate
     * until one is found (and before registering a person, to avoid registering them twice).
     */
    public List<byte[]> lookupCandidates(UUID tenant, LookupColumn column, String value) {
        List<byte[]> candidates = new ArrayList<>();
        for (DeterministicAead key : load(KeyPurpose.LOOKUP).daeadPerKey()) {
            candidates.add(lookup(key, tenant, column, value));
        }
        return candidates;
    }

    private static byte[] lookup(DeterministicAead daead, UUID tenant, LookupColumn column, String value) {
        Objects.requireNonNull(value, "value");
        try {
            return daead.encryptDeterministically(column.normalise(value).getBytes(StandardCharsets.UTF_8),
                    RowContext.lookupAssociatedData(tenant, column.table(), column.column()));
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-SIV encryption failed", failure);
        }
    }

    // ---- grid values: the two halves of the grid's ValueCodec ----

    /** Seals a value for the grid, bound to the entry's pseudonymous key ({@code context}). */
    public byte[] sealGridValue(byte[] plain, byte[] context) {
        try {
            return aead(KeyPurpose.GRID).encrypt(plain, gridAssociatedData(context));
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM encryption failed", failure);
        }
    }

    /** Opens what {@link #sealGridValue} made under the same context. */
    public byte[] openGridValue(byte[] sealed, byte[] context) {
        return open(KeyPurpose.GRID, sealed, gridAssociatedData(context));
    }

    private static byte[] gridAssociatedData(byte[] context) {
        byte[] associatedData = new byte[GRID_FORMAT.length + context.length];
        System.arraycopy(GRID_FORMAT, 0, associatedData, 0, GRID_FORMAT.length);
        System.arraycopy(context, 0, associatedData, GRID_FORMAT.length, context.length);
        return associatedData;
    }

    // ---- rotation ----

    /**
     * Decrypts a stored value of {@code column} and encrypts it again under the current primary key of its
     * purpose: the re-encryption job's step. Returns {@code ciphertext} itself if it is under the primary already.
     */
    public byte[] reencrypt(EncryptedColumn column, UUID tenant, UUID rowId, byte[] ciphertext) {
        KeyPurpose purpose = column.purpose();
        OptionalInt keyId = KeyIds.keyIdOf(ciphertext);
        if (keyId.isPresent() && keyId.getAsInt() == primaryKeyId(purpose)) {
            return ciphertext;
        }
        byte[] associatedData = purpose == KeyPurpose.LOOKUP
                ? RowContext.lookupAssociatedData(tenant, column.table(), column.column())
                : new RowContext(tenant, column.table(), column.column(), rowId).associatedData();
        byte[] plain = open(purpose, ciphertext, associatedData);
        try {
            return purpose.deterministic()
                    ? deterministicAead(purpose).encryptDeterministically(plain, associatedData)
                    : aead(purpose).encrypt(plain, associatedData);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("re-encryption failed", failure);
        }
    }

    /** The id of the key that encrypts new values of {@code purpose}. */
    public int primaryKeyId(KeyPurpose purpose) {
        return load(purpose).primaryId();
    }

    /** The version of {@code purpose}'s keyset this instance holds. */
    public long version(KeyPurpose purpose) {
        return load(purpose).version();
    }

    // ---- primitives ----

    /** The AEAD of a non-deterministic purpose, from the cache (loads the keyset on first use). */
    public Aead aead(KeyPurpose purpose) {
        if (purpose.deterministic()) {
            throw new IllegalArgumentException(purpose + " uses deterministic AEAD");
        }
        return load(purpose).aead();
    }

    /** The deterministic AEAD of a deterministic purpose, from the cache. */
    public DeterministicAead deterministicAead(KeyPurpose purpose) {
        if (!purpose.deterministic()) {
            throw new IllegalArgumentException(purpose + " does not use deterministic AEAD");
        }
        return load(purpose).daead();
    }

    /**
     * Loads every purpose whose stored keyset version is newer than the one held. Purposes not used yet stay
     * unloaded.
     */
    public void refresh() {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            Loaded held = loaded.get(purpose.ordinal());
            if (held != null) {
                OptionalLong stored = keysets.latestVersion(purpose);
                if (stored.isPresent() && stored.getAsLong() > held.version()) {
                    reload(purpose);
                }
            }
        }
    }

    /** Stops the background refresh. */
    @Override
    public void close() {
        closed = true;
        synchronized (loadLock) {
            if (refresher != null) {
                refresher.interrupt();
            }
        }
    }

    private byte[] open(KeyPurpose purpose, byte[] ciphertext, byte[] associatedData) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        try {
            return decryptWith(load(purpose), purpose, ciphertext, associatedData);
        } catch (GeneralSecurityException failure) {
            OptionalInt keyId = KeyIds.keyIdOf(ciphertext);
            if (keyId.isPresent() && !load(purpose).enabledIds().contains(keyId.getAsInt())
                    && refreshOnDemand(purpose)) {
                try {
                    return decryptWith(load(purpose), purpose, ciphertext, associatedData);
                } catch (GeneralSecurityException stillFailing) {
                    throw decryptionFailed(purpose);
                }
            }
            throw decryptionFailed(purpose);
        }
    }

    private static byte[] decryptWith(Loaded keys, KeyPurpose purpose, byte[] ciphertext, byte[] associatedData)
            throws GeneralSecurityException {
        return purpose.deterministic()
                ? keys.daead().decryptDeterministically(ciphertext, associatedData)
                : keys.aead().decrypt(ciphertext, associatedData);
    }

    private static DecryptionFailedException decryptionFailed(KeyPurpose purpose) {
        return new DecryptionFailedException("a " + purpose.keysetName()
                + " ciphertext did not decrypt: altered, in another context, or under an unknown or disabled key");
    }

    private boolean refreshOnDemand(KeyPurpose purpose) {
        long now = System.nanoTime();
        synchronized (lastOnDemandRefresh) {
            long last = lastOnDemandRefresh[purpose.ordinal()];
            if (last != 0 && now - last < Duration.ofMillis(ON_DEMAND_GAP_MILLIS).toNanos()) {
                return false;
            }
            lastOnDemandRefresh[purpose.ordinal()] = now;
        }
        OptionalLong stored = keysets.latestVersion(purpose);
        if (stored.isPresent() && stored.getAsLong() > load(purpose).version()) {
            reload(purpose);
            return true;
        }
        return false;
    }

    private Loaded load(KeyPurpose purpose) {
        if (purpose.signing()) {
            throw new IllegalArgumentException(purpose + " signs; the keyring holds encryption keys only");
        }
        Loaded held = loaded.get(purpose.ordinal());
        return held != null ? held : reload(purpose);
    }

    private Loaded reload(KeyPurpose purpose) {
        synchronized (loadLock) {
            if (closed) {
                throw new IllegalStateException("the keyring is closed");
            }
            Keysets.Versioned keyset = keysets.load(purpose).orElseThrow(() -> new KeysetUnavailableException(
                    "no " + purpose.keysetName() + " keyset has been created"));
            Loaded held = loaded.get(purpose.ordinal());
            if (held == null || keyset.version() > held.version()) {
                held = primitives(purpose, keyset);
                loaded.set(purpose.ordinal(), held);
            }
            startRefresher();
            return held;
        }
    }

    private void startRefresher() {
        if (refresher == null) {
            refresher = Thread.ofVirtual().name("margin-keyring-refresh").start(this::refreshPeriodically);
        }
    }

    private void refreshPeriodically() {
        while (!closed) {
            try {
                Thread.sleep(refreshInterval);
                refresh();
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException passing) {
                // The repository may be away for a moment; the keys held stay valid, and the next round tries again.
                System.getLogger(Keyring.class.getName()).log(System.Logger.Level.WARNING,
                        "keyset refresh failed: " + passing.getClass().getSimpleName());
            }
        }
    }

    private static Loaded primitives(KeyPurpose purpose, Keysets.Versioned keyset) {
        KeysetHandle handle = keyset.handle();
        Set<Integer> enabled = new HashSet<>();
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getStatus() == KeyStatus.ENABLED) {
                enabled.add(handle.getAt(i).getId());
            }
        }
        int primaryId = handle.getPrimary().getId();
        try {
            if (!purpose.deterministic()) {
                return new Loaded(keyset.version(), primaryId, Set.copyOf(enabled),
                        handle.getPrimitive(RegistryConfiguration.get(), Aead.class), null, List.of());
            }
            List<DeterministicAead> perKey = new ArrayList<>();
            perKey.add(singleKey(handle.getPrimary()));
            for (int i = 0; i < handle.size(); i++) {
                KeysetHandle.Entry entry = handle.getAt(i);
                if (entry.getStatus() == KeyStatus.ENABLED && !entry.isPrimary()) {
                    perKey.add(singleKey(entry));
                }
            }
            return new Loaded(keyset.version(), primaryId, Set.copyOf(enabled), null,
                    handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class),
                    List.copyOf(perKey));
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("the " + purpose.keysetName() + " keyset gives no primitive",
                    failure);
        }
    }

    private static DeterministicAead singleKey(KeysetHandle.Entry entry) throws GeneralSecurityException {
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()).makePrimary())
                .build()
                .getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
    }
}
