package org.margin.profiling.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class TrendsPropertiesTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    /**
     * Ascending submission times (epoch ms, 2020 to about 2035, whole hours apart as submissions are, which keeps the
     * regression well conditioned) with values; at least 3 points, not all at one instant.
     */
    record Series(long[] times, double[] values) {
    }

    @Provide
    Arbitrary<Series> series() {
        return Arbitraries.integers().between(3, 60).flatMap(count -> Combinators.combine(
                Arbitraries.longs().between(1_577_836_800_000L, 1_900_000_000_000L),
                Arbitraries.longs().between(0, 30 * 24).array(long[].class).ofSize(count - 1),
                Arbitraries.doubles().between(-1000, 1000).array(double[].class).ofSize(count))
                .as((start, gaps, values) -> {
                    long[] times = new long[count];
                    times[0] = start;
                    for (int i = 1; i < count; i++) {
                        times[i] = times[i - 1] + gaps[i - 1] * HOUR;
                    }
                    return new Series(times, values);
                }))
                .filter(s -> s.times()[0] != s.times()[s.times().length - 1]);
    }

    @Property
    void pointsOnALineGiveBackItsSlope(@ForAll("series") Series series,
                                       @ForAll @DoubleRange(min = -50, max = 50) double perDay,
                                       @ForAll @DoubleRange(min = -500, max = 500) double intercept) {
        long[] times = series.times();
        double[] line = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            line[i] = intercept + perDay * (times[i] - times[0]) / DAY;
        }

        Growth growth = Trends.growth(times, line, times.length);

        assertThat(growth).isInstanceOfSatisfying(Growth.Estimated.class,
                estimated -> assertThat(estimated.slopePer30Days()).isCloseTo(perDay * 30, within(1e-6)));
    }

    @Property
    void shiftingTimeOrValuesLeavesTheSlopeAndScalingValuesScalesIt(
            @ForAll("series") Series series, @ForAll @LongRange(min = -DAY * 3650, max = DAY * 3650) long shift,
            @ForAll @DoubleRange(min = -100, max = 100) double offset,
            @ForAll @DoubleRange(min = -10, max = 10) double factor) {
        long[] times = series.times();
        double[] values = series.values();
        double slope = slope(times, values);
        long[] shifted = Arrays.stream(times).map(t -> t + shift).toArray();
        double[] moved = Arrays.stream(values).map(v -> v + offset).toArray();
        double[] scaled = Arrays.stream(values).map(v -> v * factor).toArray();
        double tolerance = 1e-6 * Math.max(1, Math.abs(slope));

        assertThat(slope(shifted, values)).isCloseTo(slope, within(tolerance));
        assertThat(slope(times, moved)).isCloseTo(slope, within(tolerance));
        assertThat(slope(times, scaled)).isCloseTo(slope * factor, within(tolerance * Math.max(1, Math.abs(factor))));
    }

    @Property
    void theChangeLiesWithinTheRangeOfTheValues(@ForAll("series") Series series) {
        double[] values = series.values();
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();

        Change change = Trends.change(values, values.length);

        if (values.length < Trends.LEAST_CHANGE_POINTS) {
            assertThat(change).isInstanceOf(Change.NotCompared.class);
        } else {
            assertThat(change).isInstanceOfSatisfying(Change.Compared.class, compared -> {
                assertThat(compared.pointsPerHalf()).isEqualTo(values.length / 2);
                assertThat(compared.earlierMean()).isBetween(min - 1e-9, max + 1e-9);
                assertThat(compared.recentMean()).isBetween(min - 1e-9, max + 1e-9);
                assertThat(compared.difference()).isCloseTo(compared.recentMean() - compared.earlierMean(),
                        within(1e-9));
            });
        }
    }

    @Property
    void theMeanIntervalSpansFirstToLastAndTheMedianLiesAmongTheIntervals(@ForAll("series") Series series,
            @ForAll @LongRange(min = 0, max = 400 * DAY) long afterLast) {
        long[] times = series.times();
        int count = times.length;

        Cadence cadence = Trends.cadence(times, count, times[count - 1] + afterLast);

        Cadence.Intervals intervals = cadence.intervals().orElseThrow();
        double shortest = Double.MAX_VALUE;
        double longest = 0;
        for (int i = 1; i < count; i++) {
            double days = (times[i] - times[i - 1]) / (double) DAY;
            shortest = Math.min(shortest, days);
            longest = Math.max(longest, days);
        }
        assertThat(intervals.meanDays()).isCloseTo((times[count - 1] - times[0]) / (double) DAY / (count - 1),
                within(1e-9));
        assertThat(intervals.medianDays()).isBetween(shortest, longest);
        assertThat(cadence.daysSinceLast()).isCloseTo(afterLast / (double) DAY, within(1e-9));
    }

    private static double slope(long[] times, double[] values) {
        return ((Growth.Estimated) Trends.growth(times, values, times.length)).slopePer30Days();
    }
}
