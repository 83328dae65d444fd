package org.margin.alerts.evaluation;

import java.util.Objects;
import java.util.UUID;

/**
 * The data of {@code org.margin.alerts.schedule.v1}: a Knative PingSource per institution sends it daily, with
 * the institution fixed in its data; the day is the day the event arrives.
 */
public record InactivityCheckDue(UUID institutionId) {

    public static final String TYPE = "org.margin.alerts.schedule.v1";

    public InactivityCheckDue {
        Objects.requireNonNull(institutionId, "institutionId");
    }
}
