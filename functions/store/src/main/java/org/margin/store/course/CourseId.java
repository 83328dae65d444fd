package org.margin.store.course;

import java.util.Objects;
import java.util.UUID;

public record CourseId(UUID value) {

    public CourseId {
        Objects.requireNonNull(value, "course");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
