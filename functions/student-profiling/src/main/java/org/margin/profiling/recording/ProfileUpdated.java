package org.margin.profiling.recording;

import java.time.Instant;
import java.util.UUID;

/** The data of {@code org.margin.profile.updated.v1}: a student's profile counts one more submission. */
public record ProfileUpdated(UUID institutionId, UUID courseId, UUID studentId, UUID submissionId,
                             long submissionCount, Instant lastSubmittedAt) {
}
