package org.margin.store.people;

import java.util.Objects;
import java.util.UUID;

/** A person's pseudonym: the only way the store's other tables name a student or an educator. */
public record PersonId(UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "person");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
