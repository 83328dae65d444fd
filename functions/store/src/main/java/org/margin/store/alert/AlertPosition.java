package org.margin.store.alert;

import java.time.Instant;
import java.util.Objects;

/** Where a page of alerts (newest first) ended: the next page starts after this alert. */
public record AlertPosition(Instant raisedAt, AlertId alert) {

    public AlertPosition {
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(alert, "alert");
    }

    public static AlertPosition of(Alert alert) {
        return new AlertPosition(alert.raisedAt(), alert.id());
    }
}
