package org.margin.alerts.rule;

/** Which side of a threshold raises: strictly below or strictly above it. */
public enum Comparison {
    BELOW("below"),
    ABOVE("above");

    private final String wireName;

    Comparison(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    boolean crossedBy(double value, double threshold) {
        return this == BELOW ? value < threshold : value > threshold;
    }
}
