package org.margin.privacy.crypto;

/** The key-management operations that are audited. */
public enum KeyOperation {
    KEYSET_CREATED,
    KEY_ADDED,
    KEY_PROMOTED,
    KEY_DISABLED,
    REENCRYPTION_STARTED,
    REENCRYPTION_FINISHED,
    /** An instance had the key-encryption key unwrap a keyset (once per keyset version and instance). */
    KEK_UNWRAP
}
