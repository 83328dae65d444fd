package org.margin.store.alert;

import java.util.Objects;
import java.util.UUID;

public record AlertRuleId(UUID value) {

    public AlertRuleId {
        Objects.requireNonNull(value, "rule");
    }
}
