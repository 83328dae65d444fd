package org.margin.store.alert;

import java.util.Arrays;
import java.util.Locale;

public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    DISMISSED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AlertStatus ofColumn(String column) {
        return Arrays.stream(values()).filter(status -> status.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown alert status"));
    }
}
