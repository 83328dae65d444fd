package org.margin.audit.entry;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import org.margin.privacy.crypto.KeyAuditEntry;
import org.margin.privacy.crypto.KeyOperation;
import org.margin.privacy.crypto.KeyPurpose;

/**
 * A key-management operation: who did what to which keyset and key. Never key material: a Tink key id is public.
 *
 * @param actor an administrator's or an instance's name as the key manager records it
 */
public record KeyManagementAction(Instant at, String actor, KeyOperation operation, KeyPurpose purpose,
                                  OptionalInt keyId) implements AuditEntry {

    public KeyManagementAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(keyId, "keyId");
        CanonicalJson.requireReference(actor, "actor");
    }

    public static KeyManagementAction of(KeyAuditEntry entry) {
        return new KeyManagementAction(entry.at(), entry.actor(), entry.operation(), entry.purpose(), entry.keyId());
    }
}
