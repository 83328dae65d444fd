package org.margin.audit.prune;

import org.margin.audit.verify.Verification;

/** What pruning a chain did. */
public sealed interface Pruning {

    /** The entries up to {@code anchoredAt} are gone; {@code deleted} of them were deleted by this call. */
    record Pruned(long anchoredAt, long deleted) implements Pruning {
    }

    /** No checkpoint past the anchor covers only entries older than the period: nothing was deleted. */
    record NothingDue() implements Pruning {
    }

    /** The chain does not verify, so nothing was deleted: pruning would destroy the evidence. */
    record Refused(Verification.Failed failure) implements Pruning {
    }
}
