package org.margin.integrity.submission;

import java.util.Optional;

import org.margin.store.course.CourseId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/** The plain text of a stored submission: the one place this function turns a submission's body into prose. */
public interface SubmissionTexts {

    /**
     * The text of the tenant's submission to the course, or empty when the tenant has no such submission or it
     * belongs to another course (the two are not told apart).
     */
    Optional<String> plainText(TenantId tenant, CourseId course, SubmissionId submission);
}
