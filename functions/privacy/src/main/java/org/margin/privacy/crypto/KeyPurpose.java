package org.margin.privacy.crypto;

/**
 * What a keyset protects. Each purpose has its own keyset, so rotating one never touches another and a key of one
 * purpose can never open a value of another.
 */
public enum KeyPurpose {

    /** Columns holding identifying data or student text: AES-256-GCM, bound to tenant, table, column and row. */
    ROW("row", "AES256_GCM", false),
    /** Columns looked up by equality (LMS user id, email): AES-256-SIV, the same value always gives the same bytes. */
    LOOKUP("lookup", "AES256_SIV", true),
    /** Values sent to the Hazelcast grid: AES-256-GCM, bound to the entry's pseudonymous key. */
    GRID("grid", "AES256_GCM", false),
    /**
     * Checkpoints of the tamper-evident audit log: ECDSA P-256 signatures. It encrypts nothing, so the keyring never
     * loads it; the audit module signs and verifies with it.
     */
    AUDIT_SIGNING("audit-signing", "ECDSA_P256", false);

    private final String keysetName;
    private final String parametersName;
    private final boolean deterministic;

    KeyPurpose(String keysetName, String parametersName, boolean deterministic) {
        this.keysetName = keysetName;
        this.parametersName = parametersName;
        this.deterministic = deterministic;
    }

    /** Whether this purpose's keys sign instead of encrypting. */
    public boolean signing() {
        return this == AUDIT_SIGNING;
    }

    /** The name the keyset is stored under in a {@link KeysetRepository}. */
    public String keysetName() {
        return keysetName;
    }

    /** Tink's name of the parameters every new key of this purpose gets. */
    public String parametersName() {
        return parametersName;
    }

    /** Whether this purpose uses deterministic AEAD. */
    public boolean deterministic() {
        return deterministic;
    }
}
