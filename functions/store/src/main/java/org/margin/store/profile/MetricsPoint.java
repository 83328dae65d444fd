package org.margin.store.profile;

import java.time.Instant;
import org.margin.store.course.CourseId;
import org.margin.store.submission.SubmissionId;

/** One submission's figures in a student's time series. */
public record MetricsPoint(SubmissionId submission, CourseId course, Instant submittedAt, WritingMetrics metrics) {
}
