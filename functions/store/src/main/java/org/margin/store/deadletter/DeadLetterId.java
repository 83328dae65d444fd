package org.margin.store.deadletter;

import java.util.Objects;
import java.util.UUID;

/** A dead letter's own id (uuidv7, in the order letters arrived), not the id of the event it holds. */
public record DeadLetterId(UUID value) {

    public DeadLetterId {
        Objects.requireNonNull(value, "deadLetter");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
