package org.margin.store.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.margin.store.people.PersonId;

/** A consent to record: a parent's or guardian's carries how it was verified, no other does. */
public record NewConsent(PersonId student, Purpose purpose, GivenBy givenBy, Optional<Verification> verification,
                         Instant givenAt) {

    public NewConsent {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(givenBy, "givenBy");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(givenAt, "givenAt");
        if ((givenBy == GivenBy.PARENT_OR_GUARDIAN) != verification.isPresent()) {
            throw new IllegalArgumentException(
                    "a verification method is required for, and only for, a parent's or guardian's consent");
        }
    }
}
