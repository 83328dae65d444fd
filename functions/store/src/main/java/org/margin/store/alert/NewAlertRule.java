package org.margin.store.alert;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;

/** A rule an educator sets: for one course, or (course empty) for every course of the institution. */
public record NewAlertRule(Optional<CourseId> course, Metric metric, RuleCondition condition, double threshold,
                           PersonId createdBy) {

    public NewAlertRule {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
    }
}
