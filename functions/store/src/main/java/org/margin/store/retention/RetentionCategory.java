package org.margin.store.retention;

import java.util.Locale;

/**
 * The categories of data a retention policy covers, each with the period it is kept when the institution has set
 * none. Every period is finite.
 */
public enum RetentionCategory {
    /** Submissions and, with them, everything derived from them; by submission time. */
    SUBMISSIONS(5 * 365),
    /** Writing metrics, by submission time; profiles are recomputed from what remains. */
    METRICS(5 * 365),
    /** Alerts, by the time they were raised. */
    ALERTS(365),
    /** Integrity fingerprints (by submission time) and similarity reports (by check time). */
    FINGERPRINTS(3 * 365),
    /** The audit log: its own append-only store keeps it, and expires it. */
    AUDIT(7 * 365);

    /** The longest period a policy may set: a hundred years, like the table's check. */
    public static final int MAXIMUM_DAYS = 36_500;

    private final int defaultDays;

    RetentionCategory(int defaultDays) {
        this.defaultDays = defaultDays;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RetentionCategory fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
