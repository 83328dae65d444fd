package org.margin.store.alert;

import java.time.Instant;
import java.util.Optional;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/** A stored rule; {@code parameters} is the JSON object it was created with (keys in PostgreSQL's jsonb order). */
public record AlertRule(AlertRuleId id, Optional<CourseId> course, RuleKind kind, String parameters,
                        PersonId createdBy, boolean enabled, Instant createdAt) {
}
