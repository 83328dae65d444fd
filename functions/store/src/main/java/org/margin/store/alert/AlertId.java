package org.margin.store.alert;

import java.util.Objects;
import java.util.UUID;

public record AlertId(UUID value) {

    public AlertId {
        Objects.requireNonNull(value, "alert");
    }
}
