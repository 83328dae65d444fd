package org.margin.profiling.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TrendsTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long START = Instant.parse("2026-09-01T09:00:00Z").toEpochMilli();

    @Test
    void aSteadyRiseOfOnePerDayIsThirtyPer30Days() {
        long[] times = {START, START + DAY, START + 2 * DAY, START + 5 * DAY};
        double[] values = {10, 11, 12, 15};

        assertThat(Trends.growth(times, values, 4)).isInstanceOfSatisfying(Growth.Estimated.class, growth -> {
            assertThat(growth.slopePer30Days()).isCloseTo(30, within(1e-9));
            assertThat(growth.points()).isEqualTo(4);
        });
    }

    @Test
    void theSlopeIsTheLeastSquaresOneForScatteredPoints() {
        // x = 0, 1, 2, 3 days; y = 1, 3, 2, 4: slope = sum(dx*dy) / sum(dx^2) = 4 / 5 = 0.8 per day.
        long[] times = {START, START + DAY, START + 2 * DAY, START + 3 * DAY};
        double[] values = {1, 3, 2, 4};

        assertThat(Trends.growth(times, values, 4)).isInstanceOfSatisfying(Growth.Estimated.class,
                growth -> assertThat(growth.slopePer30Days()).isCloseTo(0.8 * 30, within(1e-9)));
    }

    @Test
    void fewerThanThreePointsOrOneInstantGiveNoSlope() {
        long[] times = {START, START + DAY, START + DAY};
        double[] values = {1, 5, 9};

        assertThat(Trends.growth(times, values, 2))
                .isEqualTo(new Growth.NotEstimated(2, Growth.Reason.TOO_FEW_POINTS));
        assertThat(Trends.growth(new long[] {START, START, START}, values, 3))
                .isEqualTo(new Growth.NotEstimated(3, Growth.Reason.NO_TIME_SPREAD));
        assertThat(Trends.growth(times, values, 3)).isInstanceOf(Growth.Estimated.class);
    }

    @Test
    void changeComparesTheRecentHalfWithTheEarlierOneLeavingTheMiddleOut() {
        double[] values = {1, 3, 100, 5, 7};

        assertThat(Trends.change(values, 5)).isEqualTo(new Change.Compared(2, 6, 4, 2));
        assertThat(Trends.change(values, 3)).isEqualTo(new Change.NotCompared(3));
    }

    @Test
    void cadenceGivesMeanAndMedianIntervalsAndDaysSinceTheLast() {
        long[] times = {START, START + DAY, START + 2 * DAY, START + 10 * DAY};

        Cadence cadence = Trends.cadence(times, 4, START + 13 * DAY);

        assertThat(cadence.submissions()).isEqualTo(4);
        assertThat(cadence.daysSinceLast()).isEqualTo(3.0);
        assertThat(cadence.intervals()).contains(new Cadence.Intervals(10.0 / 3, 1.0));
        assertThat(Trends.cadence(times, 1, START + DAY / 2).intervals()).isEmpty();
        assertThat(Trends.cadence(times, 1, START + DAY / 2).daysSinceLast()).isEqualTo(0.5);
    }

    @Test
    void aCountBeyondTheArraysIsRefused() {
        assertThatThrownBy(() -> Trends.growth(new long[2], new double[3], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trends.cadence(new long[2], 0, START)).isInstanceOf(IllegalArgumentException.class);
    }
}
