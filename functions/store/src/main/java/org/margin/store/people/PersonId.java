package org.margin.store.people;

import java.util.Objects;
import java.util.UUID;
import org.margin.store.TimeOrderedIds;

/** A person's pseudonym: the only way the store's other tables name a student or an educator. */
public record PersonId(UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "person");
    }

    /** A new pseudonym, made before the person's encrypted identity, which is bound to it. */
    public static PersonId generate() {
        return new PersonId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
