package org.margin.store.alert;

import java.time.Instant;
import java.util.Optional;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;

/**
 * One alert as one educator receives it. Inactivity alerts have no submission; similarity and inactivity alerts
 * have no metric. {@code observed} is the metric's value, the best similarity, or the days without a submission.
 */
public record Alert(AlertId id, AlertRuleId rule, RuleKind kind, CourseId course, PersonId student,
                    PersonId educator, Optional<SubmissionId> submission, Optional<Metric> metric, double observed,
                    AlertStatus status, Instant raisedAt) {
}
