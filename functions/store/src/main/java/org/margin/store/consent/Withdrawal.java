package org.margin.store.consent;

/** What withdrawing a student's consent for a purpose did. */
public sealed interface Withdrawal {

    ConsentId id();

    /** The current consent was withdrawn. */
    record Withdrawn(ConsentId id) implements Withdrawal {
    }

    /** None was current: the objection was recorded as a consent given and withdrawn at once. */
    record Objected(ConsentId id) implements Withdrawal {
    }
}
