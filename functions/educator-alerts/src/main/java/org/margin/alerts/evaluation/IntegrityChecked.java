package org.margin.alerts.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The data of {@code org.margin.integrity.checked.v1}. */
public record IntegrityChecked(UUID institutionId, UUID courseId, UUID submissionId, UUID studentId,
                               double threshold, boolean finding, List<Match> matches) {

    public IntegrityChecked {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(studentId, "studentId");
        matches = List.copyOf(matches);
    }

    /** An earlier submission and how similar this one is to it (0 to 1). */
    public record Match(UUID submissionId, double similarity) {
    }
}
