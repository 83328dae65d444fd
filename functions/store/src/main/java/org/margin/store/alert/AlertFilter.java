package org.margin.store.alert;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.course.CourseId;

/**
 * Which of an educator's alerts to read: any status or one, any course or one, and all of them or only those an
 * earlier listing did not see ({@code unseenBy}, that listing's snapshot).
 */
public record AlertFilter(Optional<AlertStatus> status, Optional<CourseId> course,
                          Optional<ListingSnapshot> unseenBy) {

    public AlertFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(unseenBy, "unseenBy");
    }

    public static AlertFilter all() {
        return new AlertFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isAll() {
        return status.isEmpty() && course.isEmpty() && unseenBy.isEmpty();
    }
}
