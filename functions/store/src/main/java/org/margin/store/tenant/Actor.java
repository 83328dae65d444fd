package org.margin.store.tenant;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.people.PersonId;

/**
 * On whose behalf a transaction runs. Row-level security reads it from {@code app.actor_role} and
 * {@code app.actor_person} and narrows the student-data tables to the rows this actor may see today, beneath the
 * tenant's isolation.
 *
 * @param role   what the actor is
 * @param person the actor's pseudonym; required for students and educators, whose visibility depends on it
 */
public record Actor(ActorRole role, Optional<PersonId> person) {

    /** Event processing and other work on no end user's behalf: the whole tenant. */
    public static final Actor SERVICE = new Actor(ActorRole.SERVICE, Optional.empty());

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        if ((role == ActorRole.STUDENT || role == ActorRole.EDUCATOR) && person.isEmpty()) {
            throw new IllegalArgumentException("a " + role.setting() + " actor needs a person");
        }
    }

    public static Actor student(PersonId person) {
        return new Actor(ActorRole.STUDENT, Optional.of(person));
    }

    public static Actor educator(PersonId person) {
        return new Actor(ActorRole.EDUCATOR, Optional.of(person));
    }

    public static Actor administrator(Optional<PersonId> person) {
        return new Actor(ActorRole.ADMINISTRATOR, person);
    }
}
