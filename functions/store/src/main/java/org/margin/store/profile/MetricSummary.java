package org.margin.store.profile;

/** Mean and sample standard deviation of one metric over a student's submissions (0 for a single submission). */
public record MetricSummary(double mean, double standardDeviation) {
}
