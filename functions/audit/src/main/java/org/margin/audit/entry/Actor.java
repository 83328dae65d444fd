package org.margin.audit.entry;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who accessed or acted: a person by their pseudonymous person id, or a Margin component by its service name.
 *
 * @param role what the actor was
 * @param id   the person id (a UUID) for students, educators and administrators; a service name such as
 *             {@code educator-alerts} for services
 */
public record Actor(ActorRole role, String id) {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        if (role == ActorRole.SERVICE ? !SERVICE_NAME.matcher(id).matches() : !isUuid(id)) {
            throw new IllegalArgumentException(role == ActorRole.SERVICE
                    ? "a service actor is named in lower case, digits and '-'"
                    : "a person actor is their pseudonymous person id");
        }
    }

    public static Actor person(ActorRole role, UUID person) {
        return new Actor(role, person.toString());
    }

    public static Actor service(String name) {
        return new Actor(ActorRole.SERVICE, name);
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
