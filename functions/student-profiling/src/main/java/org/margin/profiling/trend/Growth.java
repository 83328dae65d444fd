package org.margin.profiling.trend;

/** How fast a metric moves over time: a least-squares line through its points, when there are enough of them. */
public sealed interface Growth {

    /** The number of points the estimate used, or would have used. */
    int points();

    /** The slope of the least-squares line, in the metric's units per 30 days. */
    record Estimated(double slopePer30Days, int points) implements Growth {
    }

    /** No slope: a line through so few points, or through points all at one instant, says nothing. */
    record NotEstimated(int points, Reason reason) implements Growth {
    }

    enum Reason {
        TOO_FEW_POINTS,
        NO_TIME_SPREAD
    }
}
