package org.margin.store.alert;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/**
 * A rule an educator sets: for one course, or (course empty) for every course of the institution.
 *
 * @param parameters the rule's parameters as a JSON object; the alerts function owns their form and validates them
 */
public record NewAlertRule(Optional<CourseId> course, RuleKind kind, String parameters, PersonId createdBy) {

    public NewAlertRule {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!parameters.strip().startsWith("{")) {
            throw new IllegalArgumentException("parameters must be a JSON object");
        }
    }
}
