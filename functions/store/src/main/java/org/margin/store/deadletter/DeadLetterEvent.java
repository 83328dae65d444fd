package org.margin.store.deadletter;

import java.util.Objects;
import org.margin.store.Opaque;

/** A dead letter's event, as it was kept, for replaying it. */
public record DeadLetterEvent(DeadLetterId id, Opaque event) {

    public DeadLetterEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
