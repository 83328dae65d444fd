package org.margin.store.subject;

import java.util.Locale;

/** What a data subject asked for. */
public enum RequestKind {
    /** Access and portability (GDPR Art. 15 and 20; CCPA right to know; FERPA inspection). */
    EXPORT,
    /** Erasure (GDPR Art. 17; CCPA deletion). */
    ERASURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
