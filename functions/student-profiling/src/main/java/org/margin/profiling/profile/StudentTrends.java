package org.margin.profiling.profile;

import java.util.List;

import org.margin.profiling.trend.Cadence;
import org.margin.profiling.trend.Change;
import org.margin.profiling.trend.Growth;
import org.margin.profiling.trend.Trends;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.profile.Metric;
import org.margin.store.profile.MetricsPoint;

import tools.jackson.databind.node.ObjectNode;

/** A student's time series as the trend kernel's arrays, and its results as JSON. */
final class StudentTrends {

    private final long[] times;
    private final double[][] values;
    private final int count;

    private StudentTrends(List<MetricsPoint> oldestFirst) {
        count = oldestFirst.size();
        times = new long[count];
        values = new double[Metric.values().length][count];
        for (int i = 0; i < count; i++) {
            MetricsPoint point = oldestFirst.get(i);
            times[i] = point.submittedAt().toEpochMilli();
            for (Metric metric : Metric.values()) {
                values[metric.ordinal()][i] = point.metrics().value(metric);
            }
        }
    }

    static StudentTrends of(List<MetricsPoint> oldestFirst) {
        return new StudentTrends(oldestFirst);
    }

    int points() {
        return count;
    }

    /** Growth and change of one metric, written into {@code target}. */
    void writeMetric(Metric metric, ObjectNode target) {
        double[] series = values[metric.ordinal()];
        ObjectNode growth = target.putObject("growth");
        switch (Trends.growth(times, series, count)) {
            case Growth.Estimated estimated -> growth.put("status", "estimated")
                    .put("slopePer30Days", estimated.slopePer30Days())
                    .put("points", estimated.points());
            case Growth.NotEstimated none -> growth.put("status", "not_estimated")
                    .put("reason", none.reason() == Growth.Reason.TOO_FEW_POINTS ? "too_few_points"
                            : "no_time_spread")
                    .put("points", none.points());
        }
        ObjectNode change = target.putObject("change");
        switch (Trends.change(series, count)) {
            case Change.Compared compared -> change.put("status", "compared")
                    .put("earlierMean", compared.earlierMean())
                    .put("recentMean", compared.recentMean())
                    .put("difference", compared.difference())
                    .put("pointsPerHalf", compared.pointsPerHalf());
            case Change.NotCompared none -> change.put("status", "not_compared").put("points", none.points());
        }
    }

    /** Cadence of the series, but for the days since the last submission, which the reader adds; not empty. */
    ObjectNode cadence() {
        Cadence cadence = Trends.cadence(times, count, times[count - 1]);
        ObjectNode node = Json.object().put("submissions", cadence.submissions());
        cadence.intervals().ifPresent(intervals -> node
                .put("meanIntervalDays", intervals.meanDays())
                .put("medianIntervalDays", intervals.medianDays()));
        return node;
    }
}
