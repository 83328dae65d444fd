package org.margin.store.people;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.Opaque;

/**
 * A person's identifying fields, each as opaque bytes (the privacy module encrypts them), with the deterministic
 * lookup values that let the store find a person by equality without reading the fields themselves.
 */
public record PersonIdentity(
        Opaque lmsUserId,
        Optional<Opaque> fullName,
        Optional<Opaque> email,
        Optional<Opaque> dateOfBirth,
        Opaque lmsUserLookup,
        Optional<Opaque> emailLookup) {

    public PersonIdentity {
        Objects.requireNonNull(lmsUserId, "lmsUserId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(lmsUserLookup, "lmsUserLookup");
        Objects.requireNonNull(emailLookup, "emailLookup");
    }
}
