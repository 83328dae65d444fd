package org.margin.store.subject;

import java.util.Locale;

/** Where a request stands. */
public enum RequestStatus {
    RECEIVED,
    COMPLETED,
    REFUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
