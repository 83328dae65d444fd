package org.margin.profiling.trend;

import java.util.Optional;

/** How regularly a student hands work in: the intervals between consecutive submissions, in days. */
public record Cadence(int submissions, Optional<Intervals> intervals, double daysSinceLast) {

    /** Present from two submissions on. */
    public record Intervals(double meanDays, double medianDays) {
    }
}
