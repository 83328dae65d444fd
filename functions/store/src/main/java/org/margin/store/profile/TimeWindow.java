package org.margin.store.profile;

import java.time.Instant;
import java.util.Objects;

/** The submissions handed in from {@code from} (inclusive) until {@code until} (exclusive). */
public record TimeWindow(Instant from, Instant until) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("a time window must end after it starts");
        }
    }

    /** Every instant PostgreSQL can store. */
    public static TimeWindow always() {
        return new TimeWindow(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T00:00:00Z"));
    }
}
