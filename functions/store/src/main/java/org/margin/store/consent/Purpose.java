package org.margin.store.consent;

import java.util.Locale;

/** What a student's data may be processed for, each consented to (or withdrawn) on its own. */
public enum Purpose {
    /** Writing metrics of each submission. */
    ANALYSIS,
    /** A student's profile over time. */
    PROFILING,
    /** Similarity between submissions. */
    INTEGRITY,
    /** Class-level aggregates. */
    ANALYTICS;

    private final String column = name().toLowerCase(Locale.ROOT);

    public String column() {
        return column;
    }

    /** The purpose of a column or tool value, e.g. {@code analysis}. */
    public static Purpose of(String column) {
        for (Purpose purpose : values()) {
            if (purpose.column.equals(column)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("not a purpose: " + column);
    }
}
