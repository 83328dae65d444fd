package org.margin.store.subject;

import java.util.Locale;

/** The law a request is made under; it sets the deadline. */
public enum Regime {
    GDPR,
    CCPA,
    FERPA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Regime fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
