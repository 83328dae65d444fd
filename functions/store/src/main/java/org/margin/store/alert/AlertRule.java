package org.margin.store.alert;

import java.util.Optional;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;

/** A stored rule. */
public record AlertRule(AlertRuleId id, Optional<CourseId> course, Metric metric, RuleCondition condition,
                        double threshold, PersonId createdBy, boolean enabled) {
}
