package org.margin.privacy.crypto;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Who did what to which key, and when. Never key material: a key is named by its Tink key id, which is public (it
 * prefixes every ciphertext).
 *
 * @param at        when
 * @param actor     who: an administrator's or an instance's name, never a person's identifying data
 * @param operation what
 * @param purpose   which keyset
 * @param keyId     which key, when the operation concerns one
 */
public record KeyAuditEntry(Instant at, String actor, KeyOperation operation, KeyPurpose purpose, OptionalInt keyId) {

    public KeyAuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(keyId, "keyId");
        if (actor == null || actor.isBlank() || actor.length() > 200) {
            throw new IllegalArgumentException("an actor is 1 to 200 characters");
        }
    }
}
