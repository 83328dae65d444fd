package org.margin.store.consent;

import java.time.Instant;
import java.util.Optional;

import org.margin.store.people.PersonId;

/** A recorded consent; current while {@code withdrawnAt} is empty. */
public record Consent(ConsentId id, PersonId student, Purpose purpose, GivenBy givenBy,
                      Optional<Verification> verification, Instant givenAt, Optional<Instant> withdrawnAt) {

    public boolean current() {
        return withdrawnAt.isEmpty();
    }
}
