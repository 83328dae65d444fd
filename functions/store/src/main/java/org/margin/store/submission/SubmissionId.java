package org.margin.store.submission;

import java.util.Objects;
import java.util.UUID;

public record SubmissionId(UUID value) {

    public SubmissionId {
        Objects.requireNonNull(value, "submission");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
