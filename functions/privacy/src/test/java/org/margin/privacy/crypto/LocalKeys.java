package org.margin.privacy.crypto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.KeyManager;

/** Local mode's keys in a test's folder: a KEK file, file keysets, an audit kept in memory. */
record LocalKeys(Keysets keysets, KeyManager manager, List<KeyAuditEntry> audit) {

    static LocalKeys in(Path directory, String actor) {
        List<KeyAuditEntry> audit = new CopyOnWriteArrayList<>();
        Keysets keysets = new Keysets(new FileKeysetRepository(directory.resolve("keysets")),
                LocalKeyEncryptionKey.openOrCreate(directory.resolve("kek")), audit::add, actor);
        return new LocalKeys(keysets, new KeyManager(keysets), audit);
    }

    /** Creates every purpose's keyset. */
    LocalKeys withKeysets() {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            manager.createKeyset("admin", purpose);
        }
        return this;
    }

    /** A keyring that refreshes only when asked (or when it meets an unknown key). */
    Keyring keyring() {
        return Keyring.create(keysets, Duration.ofHours(1));
    }
}
