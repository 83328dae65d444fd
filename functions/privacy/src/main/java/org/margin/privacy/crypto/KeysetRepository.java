package org.margin.privacy.crypto;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where encrypted keysets are kept and shared between instances: opaque bytes (a keyset wrapped by the
 * key-encryption key) under a name and a version. Versions only grow; a new version is appended, never written over,
 * so two administrators changing one keyset at once cannot lose each other's change unnoticed.
 */
public interface KeysetRepository {

    /** The newest version of the named keyset, if any. */
    Optional<StoredKeyset> latest(String name);

    /** The newest version number only: what instances poll to notice a change. */
    OptionalLong latestVersion(String name);

    /**
     * Stores {@code keyset.version()} of {@code keyset.name()}.
     *
     * @throws KeysetVersionConflictException if that version exists already (someone else changed the keyset)
     */
    void append(StoredKeyset keyset);
}
