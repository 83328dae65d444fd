package org.margin.governance.consent;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The arguments the consent tools share, read after schema validation. */
final class Arguments {

    private Arguments() {
    }

    /** The student's pseudonym, or empty when {@code studentId} is not a UUID. */
    static Optional<PersonId> student(ObjectNode arguments) {
        try {
            return Optional.of(new PersonId(UUID.fromString(arguments.get("studentId").asString())));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    static Set<Purpose> purposes(ObjectNode arguments) {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (JsonNode purpose : arguments.get("purposes")) {
            purposes.add(Purpose.of(purpose.asString()));
        }
        return purposes;
    }
}
