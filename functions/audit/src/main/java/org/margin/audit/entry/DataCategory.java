package org.margin.audit.entry;

/** What kind of a student's data a disclosure gave out. */
public enum DataCategory {
    ROSTER,
    SUBMISSIONS,
    METRICS,
    PROFILE,
    ALERTS,
    FINGERPRINTS,
    INTEGRITY_REPORTS,
    CONSENT,
    AUDIT
}
