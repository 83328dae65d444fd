package org.margin.events;

import java.util.Optional;

/** The kinds of learning platform a submission can come from, as named in events. */
public enum Lms {
    CANVAS("canvas"),
    MOODLE("moodle"),
    CALIPER("caliper"),
    XAPI("xapi");

    private final String wireName;

    Lms(String wireName) {
        this.wireName = wireName;
    }

    /** The value in event data, e.g. {@code canvas}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Lms> fromWireName(String wireName) {
        for (Lms lms : values()) {
            if (lms.wireName.equals(wireName)) {
                return Optional.of(lms);
            }
        }
        return Optional.empty();
    }
}
