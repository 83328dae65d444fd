package org.margin.alerts.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import org.margin.events.AlertRaised;

/**
 * An alert a rule newly raised, as {@code org.margin.alert.raised.v1} data, and its occasion (the submission, or the
 * student's stretch of inactivity in the course) as the store tells one occasion from the next.
 */
public record RaisedAlert(AlertRaised event, String occasion) {

    public RaisedAlert {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(occasion, "occasion");
    }

    /** The event's id, from rule and occasion: announcing the same alert again gives the same id. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("alert.raised:" + event.ruleId() + ":" + occasion)
                .getBytes(StandardCharsets.UTF_8));
    }
}
