package org.margin.store.alert;

import java.util.List;
import java.util.Objects;

/** A page of an educator's alerts, newest first, and the snapshot of the listing it belongs to. */
public record AlertPage(List<Alert> alerts, ListingSnapshot listing) {

    public AlertPage {
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(listing, "listing");
    }

    /** Where the page after {@code last} (an alert of this page) begins. */
    public AlertPosition after(Alert last) {
        return new AlertPosition(last.raisedAt(), last.id(), listing);
    }
}
