package org.margin.ingress.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/** What the door did with one submission an LMS reported. */
public sealed interface Intake {

    /**
     * Stored (or stored before, when {@code created} is false), under pseudonymous ids only; with the student's date
     * of birth from the roster, read by the same statement, for the COPPA check (never log it).
     */
    record Stored(TenantId tenant, CourseId course, PersonId student, SubmissionId submission, Instant submittedAt,
                  boolean created, Optional<LocalDate> dateOfBirth) implements Intake {
    }

    /** The webhook named the submission without its text, which would have to be fetched from the LMS. */
    record AwaitingText() implements Intake {
    }

    /** The text was empty once its markup was removed. */
    record Empty() implements Intake {
    }
}
