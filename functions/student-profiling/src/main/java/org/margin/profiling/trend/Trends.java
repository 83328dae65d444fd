package org.margin.profiling.trend;

import java.util.Arrays;
import java.util.Optional;

/**
 * Trend figures of one student's time series: growth, recent-against-earlier change and submission cadence.
 * Pure functions over primitive arrays, with times as epoch milliseconds in ascending order, so that a profile of
 * fourteen metrics costs no boxing and one small result per metric.
 */
public final class Trends {

    /** Fewer points than this give no slope: any two points make a perfect line. */
    public static final int LEAST_GROWTH_POINTS = 3;
    /** Two points in each half, so neither half is a single submission. */
    public static final int LEAST_CHANGE_POINTS = 4;

    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final double SLOPE_PERIOD_DAYS = 30.0;

    private Trends() {
    }

    /** The least-squares slope of {@code values[0..count)} against time, per 30 days. */
    public static Growth growth(long[] epochMillis, double[] values, int count) {
        checkCount(epochMillis, values, count);
        if (count < LEAST_GROWTH_POINTS) {
            return new Growth.NotEstimated(count, Growth.Reason.TOO_FEW_POINTS);
        }
        // Days from the first point keep the sums small, so the two-pass sums lose no precision to epoch offsets.
        long origin = epochMillis[0];
        double meanDay = 0;
        double meanValue = 0;
        for (int i = 0; i < count; i++) {
            meanDay += (epochMillis[i] - origin) / MILLIS_PER_DAY;
            meanValue += values[i];
        }
        meanDay /= count;
        meanValue /= count;
        double dayDeviations = 0;
        double coDeviations = 0;
        for (int i = 0; i < count; i++) {
            double day = (epochMillis[i] - origin) / MILLIS_PER_DAY - meanDay;
            dayDeviations += day * day;
            coDeviations += day * (values[i] - meanValue);
        }
        if (dayDeviations == 0) {
            return new Growth.NotEstimated(count, Growth.Reason.NO_TIME_SPREAD);
        }
        return new Growth.Estimated(coDeviations / dayDeviations * SLOPE_PERIOD_DAYS, count);
    }

    /** The mean of the later half of {@code values[0..count)} against that of the earlier half. */
    public static Change change(double[] values, int count) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException("count must be within 0.." + values.length);
        }
        if (count < LEAST_CHANGE_POINTS) {
            return new Change.NotCompared(count);
        }
        int half = count / 2;
        double earlier = 0;
        double recent = 0;
        for (int i = 0; i < half; i++) {
            earlier += values[i];
            recent += values[count - half + i];
        }
        earlier /= half;
        recent /= half;
        return new Change.Compared(earlier, recent, recent - earlier, half);
    }

    /**
     * Intervals between the submissions at {@code epochMillis[0..count)} (at least one), and the days from the last
     * to now (0 for a last submission in the future of this clock).
     */
    public static Cadence cadence(long[] epochMillis, int count, long nowEpochMillis) {
        if (count < 1 || count > epochMillis.length) {
            throw new IllegalArgumentException("count must be within 1.." + epochMillis.length);
        }
        double sinceLast = daysSince(epochMillis[count - 1], nowEpochMillis);
        if (count < 2) {
            return new Cadence(count, Optional.empty(), sinceLast);
        }
        double[] intervals = new double[count - 1];
        for (int i = 1; i < count; i++) {
            intervals[i - 1] = (epochMillis[i] - epochMillis[i - 1]) / MILLIS_PER_DAY;
        }
        double mean = (epochMillis[count - 1] - epochMillis[0]) / MILLIS_PER_DAY / (count - 1);
        Arrays.sort(intervals);
        int middle = intervals.length / 2;
        double median = intervals.length % 2 == 1 ? intervals[middle]
                : (intervals[middle - 1] + intervals[middle]) / 2;
        return new Cadence(count, Optional.of(new Cadence.Intervals(mean, median)), sinceLast);
    }

    /** Days from {@code thenEpochMillis} to {@code nowEpochMillis}; 0 for a time in the future of this clock. */
    public static double daysSince(long thenEpochMillis, long nowEpochMillis) {
        return Math.max(0, nowEpochMillis - thenEpochMillis) / MILLIS_PER_DAY;
    }

    private static void checkCount(long[] epochMillis, double[] values, int count) {
        if (count < 0 || count > epochMillis.length || count > values.length) {
            throw new IllegalArgumentException("count must be within the lengths of both arrays");
        }
    }
}
