package org.margin.store.alert;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.course.CourseId;

/** Which of an educator's alerts to read: any status or one, any course or one. */
public record AlertFilter(Optional<AlertStatus> status, Optional<CourseId> course) {

    public AlertFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(course, "course");
    }

    public static AlertFilter all() {
        return new AlertFilter(Optional.empty(), Optional.empty());
    }
}
