package org.margin.alerts.evaluation;

import java.util.Objects;

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

    /** What the announcement's id derives from, rule and occasion: the same alert announced again keeps its id. */
    public String cause() {
        return event.ruleId() + ":" + occasion;
    }
}
