package org.margin.platform.keys;

import java.util.Map;

import org.margin.audit.keys.TamperEvidentKeyAudit;
import org.margin.audit.log.AuditLog;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.rotation.KeyManager;
import org.margin.store.Store;

/**
 * Creates the keyset of every purpose that has none, once per installation: the launcher runs it when the local
 * database is up, production runs {@link #main} as a step of the migrations job. Functions never create keys:
 * until this has run, their key operations fail as retryable.
 */
public final class KeysetBootstrap {

    public static final String ACTOR = "keyset-bootstrap";

    private KeysetBootstrap() {
    }

    /** Creates what is missing; keysets already there are left as they are. */
    public static void ensure(Keysets keysets) {
        KeyManager manager = new KeyManager(keysets);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            manager.createKeyset(ACTOR, purpose);
        }
    }

    /**
     * The keysets of {@code env}'s store, under {@code env}'s key-encryption key; key operations are recorded in
     * the {@code key_audit} table and chained in the tamper-evident audit log.
     */
    public static Keysets keysets(Store store, Map<String, String> env, String actor) {
        return keysets(store, env, actor, AuditLog.create(store.auditTrail()));
    }

    /** As {@link #keysets(Store, Map, String)}, chaining key operations through an audit log the caller holds. */
    public static Keysets keysets(Store store, Map<String, String> env, String actor, AuditLog audit) {
        return new Keysets(store.keysets(), KeyEncryptionKeys.fromEnvironment(env),
                new TamperEvidentKeyAudit(store.keyAudit(), audit), actor);
    }

    public static void main(String[] args) {
        try (Store store = Store.builder().environment(System.getenv()).build()) {
            ensure(keysets(store, System.getenv(), ACTOR));
        }
    }
}
