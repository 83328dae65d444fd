package org.margin.store.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of alerts (newest first) ended: the next page starts after this alert, among the alerts the first
 * page's listing saw, so that alerts committed in between neither enter the pages nor shift them.
 */
public record AlertPosition(Instant raisedAt, AlertId alert, ListingSnapshot listing) {

    public AlertPosition {
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(listing, "listing");
    }
}
