package org.margin.store.subject;

import java.util.Objects;
import java.util.UUID;

/** A data-subject request's id; also the receipt id of the erasure or export that answered it. */
public record DataRequestId(UUID value) {

    public DataRequestId {
        Objects.requireNonNull(value, "request");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
