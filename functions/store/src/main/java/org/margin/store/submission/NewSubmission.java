package org.margin.store.submission;

import java.time.Instant;
import java.util.Objects;
import org.margin.store.Opaque;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/** A student's work handed in to a course; the body is opaque (encrypted by the privacy module). */
public record NewSubmission(CourseId course, PersonId student, Instant submittedAt, Opaque body) {

    public NewSubmission {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(body, "body");
    }
}
