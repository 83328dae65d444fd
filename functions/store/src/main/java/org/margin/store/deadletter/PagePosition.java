package org.margin.store.deadletter;

import java.time.Instant;
import java.util.Objects;

/** Where a page of dead letters ended: the next page starts with the letters older than this one. */
public record PagePosition(Instant receivedAt, DeadLetterId id) {

    public PagePosition {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(id, "id");
    }
}
