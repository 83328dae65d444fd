package org.margin.store.subject;

import java.util.Locale;

/** How a request reached the institution. */
public enum RequestChannel {
    /** Through one of Margin's own tools. */
    TOOL,
    /** Elsewhere (a letter, a form, an e-mail) and filed in Margin by an administrator. */
    OUTSIDE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestChannel fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
