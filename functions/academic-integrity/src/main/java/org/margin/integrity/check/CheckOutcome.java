package org.margin.integrity.check;

import org.margin.integrity.similarity.SimilarityReport;
import org.margin.store.submission.SubmissionId;

/** How checking a submission ended. */
public sealed interface CheckOutcome {

    /**
     * The submission was fingerprinted, compared and its report kept.
     *
     * @param filed   fingerprints added to the index by this call: 0 on a redelivery
     * @param finding whether the best similarity reached the threshold
     */
    record Checked(SubmissionId submission, SimilarityReport report, double threshold, boolean finding, long filed)
            implements CheckOutcome {
    }

    /** The tenant has no such submission (deleted, or an event for another tenant): nothing was done. */
    record UnknownSubmission(SubmissionId submission) implements CheckOutcome {
    }
}
