package org.margin.store.subject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.margin.store.submission.SubmissionId;

/**
 * What an erasure removed, committed as one transaction.
 *
 * @param counts      rows removed per table
 * @param submissions the ids of the removed submissions, so that caches keyed by submission can drop them
 * @param erasedAt    the transaction's time
 * @param request     the erasure's data request, completed in the same transaction with the counts as receipt
 */
public record Erased(ErasureCounts counts, List<SubmissionId> submissions, Instant erasedAt, DataRequestId request) {

    public Erased {
        Objects.requireNonNull(counts, "counts");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(erasedAt, "erasedAt");
        Objects.requireNonNull(request, "request");
    }
}
