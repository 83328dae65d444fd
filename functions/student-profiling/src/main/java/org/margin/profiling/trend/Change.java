package org.margin.profiling.trend;

/**
 * The recent half of a metric's points against the earlier half (the middle point of an odd count belongs to
 * neither), so that one unusual submission moves the comparison less than a first-against-last would.
 */
public sealed interface Change {

    record Compared(double earlierMean, double recentMean, double difference, int pointsPerHalf) implements Change {
    }

    /** Fewer points than two per half. */
    record NotCompared(int points) implements Change {
    }
}
