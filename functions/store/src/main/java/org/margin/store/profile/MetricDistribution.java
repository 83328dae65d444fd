package org.margin.store.profile;

/** How one metric spreads over a class: no minimum or maximum, which would be one student's own figure. */
public record MetricDistribution(double mean, double standardDeviation, double p10, double p25, double median,
                                 double p75, double p90) {
}
