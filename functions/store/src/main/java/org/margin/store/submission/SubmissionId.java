package org.margin.store.submission;

import java.util.Objects;
import java.util.UUID;
import org.margin.store.TimeOrderedIds;

public record SubmissionId(UUID value) {

    public SubmissionId {
        Objects.requireNonNull(value, "submission");
    }

    /** A new id, made before the submission's encrypted text, which is bound to it. */
    public static SubmissionId generate() {
        return new SubmissionId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
