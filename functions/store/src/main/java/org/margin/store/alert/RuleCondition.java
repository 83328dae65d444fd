package org.margin.store.alert;

import java.util.Arrays;

/** When a rule fires for a submission's value of its metric. */
public enum RuleCondition {
    /** The value is below the threshold. */
    BELOW("below"),
    /** The value is above the threshold. */
    ABOVE("above"),
    /** The value is below the student's own mean by more than threshold standard deviations. */
    BELOW_OWN_MEAN_BY_SD("below_own_mean_by_sd");

    private final String column;

    RuleCondition(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static RuleCondition ofColumn(String column) {
        return Arrays.stream(values()).filter(condition -> condition.column.equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown rule condition"));
    }
}
