package org.margin.store.consent;

import java.util.Objects;
import java.util.UUID;

import org.margin.store.Opaque;
import org.margin.store.people.PersonId;

/** An event held back for a student, as opaque (encrypted) bytes bound to its row id. */
public record HeldEvent(UUID id, PersonId student, String eventId, Opaque event) {

    public HeldEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
    }
}
