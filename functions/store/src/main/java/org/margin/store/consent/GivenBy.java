package org.margin.store.consent;

import java.util.Locale;

/** Who gave a consent. */
public enum GivenBy {
    STUDENT,
    PARENT_OR_GUARDIAN,
    INSTITUTION;

    private final String column = name().toLowerCase(Locale.ROOT);

    public String column() {
        return column;
    }

    public static GivenBy of(String column) {
        for (GivenBy who : values()) {
            if (who.column.equals(column)) {
                return who;
            }
        }
        throw new IllegalArgumentException("not a consenting party: " + column);
    }
}
