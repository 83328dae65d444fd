package org.margin.store.consent;

import java.util.Objects;
import java.util.UUID;

/** One consent record. */
public record ConsentId(UUID value) {

    public ConsentId {
        Objects.requireNonNull(value, "consent");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
