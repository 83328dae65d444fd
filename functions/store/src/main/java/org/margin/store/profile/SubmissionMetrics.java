package org.margin.store.profile;

import java.util.Objects;
import org.margin.store.submission.SubmissionId;

/** One submission's analysis figures, to be recorded once and folded into its student's profile. */
public record SubmissionMetrics(SubmissionId submission, WritingMetrics metrics) {
    public SubmissionMetrics {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(metrics, "metrics");
    }
}
