package org.margin.store.alert;

import java.time.Instant;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;

/** One alert as one educator receives it. */
public record Alert(AlertId id, AlertRuleId rule, CourseId course, PersonId student, PersonId educator,
                    SubmissionId submission, Metric metric, double observed, AlertStatus status, Instant raisedAt) {
}
