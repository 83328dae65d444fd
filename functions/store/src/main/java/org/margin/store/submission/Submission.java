package org.margin.store.submission;

import java.time.Instant;
import org.margin.store.Opaque;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/** A stored submission. Instants are kept to the microsecond, as PostgreSQL does. */
public record Submission(SubmissionId id, CourseId course, PersonId student, Instant submittedAt, Opaque body) {
}
