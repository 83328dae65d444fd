package org.margin.store.consent;

/** What recording a consent did. */
public sealed interface Recording {

    ConsentId id();

    /** Recorded as a new current consent. */
    record Recorded(ConsentId id) implements Recording {
    }

    /** A consent for that student and purpose was already current; it stays, nothing was recorded. */
    record AlreadyCurrent(ConsentId id) implements Recording {
    }
}
