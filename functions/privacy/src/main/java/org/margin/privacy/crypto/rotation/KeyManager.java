package org.margin.privacy.crypto.rotation;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.margin.privacy.crypto.EncryptedColumn;
import org.margin.privacy.crypto.KeyIds;
import org.margin.privacy.crypto.KeyOperation;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.KeysetUnavailableException;
import org.margin.privacy.crypto.KeysetVersionConflictException;

/**
 * Administers keysets: create, add a key, promote it, disable an old one. Each change stores a new keyset version
 * (instances pick it up on their next refresh) and is audited with its actor. Changes of one keyset by two
 * administrators at once fail with {@link KeysetVersionConflictException} for the second: read and retry.
 */
public final class KeyManager {

    private final Keysets keysets;

    public KeyManager(Keysets keysets) {
        this.keysets = Objects.requireNonNull(keysets, "keysets");
    }

    /**
     * Creates the purpose's keyset with one primary key, unless it exists already.
     *
     * @return the primary key's id (the existing one if the keyset was there)
     */
    public int createKeyset(String actor, KeyPurpose purpose) {
        Optional<Keysets.Versioned> existing = keysets.load(purpose);
        if (existing.isPresent()) {
            return existing.get().handle().getPrimary().getId();
        }
        KeysetHandle handle = build(KeysetHandle.newBuilder().addEntry(newKey(purpose).makePrimary()));
        keysets.store(purpose, 1, handle);
        int keyId = handle.getPrimary().getId();
        keysets.record(actor, KeyOperation.KEYSET_CREATED, purpose, OptionalInt.of(keyId));
        return keyId;
    }

    /**
     * Adds a new enabled key that is not yet primary. Instances learn it on their next refresh; promote it after
     * that, so that every instance can read what the new key writes.
     *
     * @return the new key's id
     */
    public int addKey(String actor, KeyPurpose purpose) {
        Keysets.Versioned current = current(purpose);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current.handle()).addEntry(newKey(purpose));
        KeysetHandle handle = build(builder);
        int keyId = handle.getAt(handle.size() - 1).getId();
        keysets.store(purpose, current.version() + 1, handle);
        keysets.record(actor, KeyOperation.KEY_ADDED, purpose, OptionalInt.of(keyId));
        return keyId;
    }

    /** Makes an enabled key the primary: new values are encrypted under it, old ones still decrypt. */
    public void promote(String actor, KeyPurpose purpose, int keyId) {
        Keysets.Versioned current = current(purpose);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current.handle());
        KeysetHandle.Builder.Entry entry = entry(current.handle(), builder, keyId)
                .filter(found -> found.getStatus() == KeyStatus.ENABLED)
                .orElseThrow(() -> new IllegalArgumentException("the keyset has no enabled key " + keyId));
        entry.makePrimary();
        keysets.store(purpose, current.version() + 1, build(builder));
        keysets.record(actor, KeyOperation.KEY_PROMOTED, purpose, OptionalInt.of(keyId));
    }

    /**
     * Disables a key that no stored row uses any more. For the row and lookup purposes every column of that purpose
     * in {@code rows} is counted by key-id prefix first; any row left refuses the change. Grid values are not
     * counted: they live at most the grid's time to live, so disable a grid key that long after promoting another.
     */
    public DisableOutcome disable(String actor, KeyPurpose purpose, int keyId, RowSource rows) {
        Keysets.Versioned current = current(purpose);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current.handle());
        Optional<KeysetHandle.Builder.Entry> entry = entry(current.handle(), builder, keyId)
                .filter(found -> found.getStatus() == KeyStatus.ENABLED);
        if (entry.isEmpty()) {
            return new DisableOutcome.UnknownKey(keyId);
        }
        if (entry.get().isPrimary()) {
            return new DisableOutcome.IsPrimary(keyId);
        }
        if (purpose != KeyPurpose.GRID) {
            Map<EncryptedColumn, Long> inUse = new LinkedHashMap<>();
            for (EncryptedColumn column : rows.columns()) {
                if (column.purpose() == purpose) {
                    long count = rows.rowsWithPrefix(column, KeyIds.prefix(keyId));
                    if (count > 0) {
                        inUse.put(column, count);
                    }
                }
            }
            if (!inUse.isEmpty()) {
                return new DisableOutcome.StillInUse(keyId, inUse);
            }
        }
        entry.get().setStatus(KeyStatus.DISABLED);
        long version = current.version() + 1;
        keysets.store(purpose, version, build(builder));
        keysets.record(actor, KeyOperation.KEY_DISABLED, purpose, OptionalInt.of(keyId));
        return new DisableOutcome.Disabled(keyId, version);
    }

    /** The keys of the purpose's keyset as stored now. */
    public List<KeyInfo> keys(KeyPurpose purpose) {
        KeysetHandle handle = current(purpose).handle();
        List<KeyInfo> keys = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            keys.add(new KeyInfo(entry.getId(), entry.getStatus(), entry.isPrimary()));
        }
        return keys;
    }

    private Keysets.Versioned current(KeyPurpose purpose) {
        return keysets.load(purpose).orElseThrow(() -> new KeysetUnavailableException(
                "no " + purpose.keysetName() + " keyset has been created"));
    }

    /** The builder's entry for {@code keyId}: a builder made from a handle keeps the handle's order. */
    private static Optional<KeysetHandle.Builder.Entry> entry(KeysetHandle handle, KeysetHandle.Builder builder,
                                                             int keyId) {
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() == keyId) {
                return Optional.of(builder.getAt(i));
            }
        }
        return Optional.empty();
    }

    private static KeysetHandle.Builder.Entry newKey(KeyPurpose purpose) {
        try {
            return KeysetHandle.generateEntryFromParametersName(purpose.parametersName()).withRandomId();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("Tink has no parameters named " + purpose.parametersName(), failure);
        }
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("the changed keyset is not valid", failure);
        }
    }
}
