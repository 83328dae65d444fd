package org.margin.events.lms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.margin.events.Lms;

/**
 * One submission as an LMS reported it, whatever the webhook's format. It holds personal data (the LMS user id,
 * possibly the text), so it stays inside the ingress: it is pseudonymised and stored, never logged or put in an
 * event; {@link #toString()} shows neither.
 *
 * @param lmsSourceId     the configured LMS source (tenant and platform instance) the webhook came from
 * @param institutionId   the tenant of that source
 * @param lms             the kind of platform
 * @param lmsCourseId     the course as the LMS names it
 * @param lmsUserId       the submitting user as the LMS names it (for xAPI the actor's identifier)
 * @param lmsSubmissionId the submission as the LMS names it (for xAPI the statement id)
 * @param lmsAssignmentId the assignment, activity or assessment, when the payload names it
 * @param attempt         the attempt number, when the payload gives it
 * @param submittedAt     when the student submitted
 * @param content         the text, or where the LMS keeps it
 */
public record SubmissionReceived(String lmsSourceId, UUID institutionId, Lms lms, String lmsCourseId,
                                 String lmsUserId, String lmsSubmissionId, Optional<String> lmsAssignmentId,
                                 OptionalInt attempt, Instant submittedAt, SubmissionContent content) {

    public SubmissionReceived {
        Objects.requireNonNull(lmsSourceId, "lmsSourceId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(lms, "lms");
        Objects.requireNonNull(lmsCourseId, "lmsCourseId");
        Objects.requireNonNull(lmsUserId, "lmsUserId");
        Objects.requireNonNull(lmsSubmissionId, "lmsSubmissionId");
        Objects.requireNonNull(lmsAssignmentId, "lmsAssignmentId");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "SubmissionReceived[lmsSourceId=" + lmsSourceId + ", lms=" + lms.wireName() + ", submittedAt="
                + submittedAt + ", content=" + content + "]";
    }
}
