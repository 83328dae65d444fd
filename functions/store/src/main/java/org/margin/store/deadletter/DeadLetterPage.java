package org.margin.store.deadletter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of dead letters, newest first, and where the next page starts if there is one. */
public record DeadLetterPage(List<DeadLetter> entries, Optional<PagePosition> next) {

    public DeadLetterPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
