package org.margin.store.deadletter;

import java.util.Objects;
import java.util.Optional;

/** Which dead letters a listing shows: every condition present must hold. */
public record DeadLetterFilter(Optional<String> type, Optional<String> destination, ReplayState replayState) {

    public DeadLetterFilter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(replayState, "replayState");
    }

    public static DeadLetterFilter all() {
        return new DeadLetterFilter(Optional.empty(), Optional.empty(), ReplayState.ANY);
    }
}
