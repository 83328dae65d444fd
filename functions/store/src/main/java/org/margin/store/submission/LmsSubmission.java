package org.margin.store.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.margin.store.Opaque;
import org.margin.store.course.CourseId;

/**
 * A submission an LMS reported, by an LMS user named only by the lookup value of their LMS id: stored under
 * {@code id} (to which {@code body}, encrypted, is bound) once per {@code sourceLookup}, its student enrolled in the
 * course from {@code enrolledFrom} if no enrolment covers that day.
 */
public record LmsSubmission(Opaque lmsUserLookup, CourseId course, SubmissionId id, Instant submittedAt,
                            LocalDate enrolledFrom, Opaque body, Opaque sourceLookup) {
    public LmsSubmission {
        Objects.requireNonNull(lmsUserLookup, "lmsUserLookup");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(enrolledFrom, "enrolledFrom");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sourceLookup, "sourceLookup");
    }
}
