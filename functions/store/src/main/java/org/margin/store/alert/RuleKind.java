package org.margin.store.alert;

import java.util.Arrays;

/** What a rule watches; its parameters depend on it. */
public enum RuleKind {
    /** A submission's metric below or above a threshold. */
    METRIC_THRESHOLD("metric_threshold"),
    /** A submission's metric below the student's own earlier mean. */
    BASELINE_DROP("baseline_drop"),
    /** A similarity check that found a close match. */
    SIMILARITY("similarity"),
    /** No submission in a course for a number of days; its alerts concern no submission. */
    INACTIVITY("inactivity");

    private final String column;

    RuleKind(String column) {
        this.column = column;
    }

    /** The value stored in alert_rules.kind and alerts.kind. */
    public String column() {
        return column;
    }

    public static RuleKind ofColumn(String column) {
        return Arrays.stream(values()).filter(kind -> kind.column.equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown rule kind"));
    }
}
