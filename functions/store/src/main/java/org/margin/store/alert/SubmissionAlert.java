package org.margin.store.alert;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;

/**
 * A rule's alert about a submission, to be raised to every educator teaching its course on {@code on}, while the
 * student takes it.
 *
 * @param metric the metric the rule watches; empty for a similarity rule
 */
public record SubmissionAlert(AlertRuleId rule, RuleKind kind, SubmissionId submission, Optional<Metric> metric,
                              double observed, LocalDate on) {

    public SubmissionAlert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(on, "on");
        if (kind == RuleKind.INACTIVITY) {
            throw new IllegalArgumentException("inactivity alerts concern no submission");
        }
    }
}
