package org.margin.grid.tier;

/** What a write through the tiers achieved, once the store has taken it. */
public sealed interface WriteOutcome {

    /** Stored, and no instance will answer with the previous value from now on. */
    record Confirmed() implements WriteOutcome {
    }

    /**
     * Stored, but the grid could not be told: the previous value may still be served until the grid is reached
     * again (this instance retries in the background) or the entry expires. Instances that lost the grid stop
     * using their near caches within one lease.
     */
    record Unconfirmed() implements WriteOutcome {
    }
}
