package org.margin.grid.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.margin.grid.support.TestGrids;

/** The timeout and circuit breaker every grid call on a read's path goes through. */
class GridGuardTest {

    @Test
    void aCallSlowerThanTheTimeoutIsCutShort() {
        GridGuard guard = new GridGuard(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThatThrownBy(() -> guard.call(() -> {
            TestGrids.sleep(5_000);
            return "late";
        })).isInstanceOf(GridUnavailable.class);
        assertThat(guard.call(() -> "prompt")).isEqualTo("prompt");
    }

    @Test
    void repeatedFailuresOpenTheBreakerWhichClosesAgainByItself() {
        GridGuard guard = new GridGuard(Duration.ofSeconds(1), Duration.ofMillis(300));
        AtomicInteger attempts = new AtomicInteger();
        for (int call = 0; call < 10; call++) {
            assertThatThrownBy(() -> guard.call(() -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("grid offline");
            })).isInstanceOf(GridUnavailable.class);
        }
        assertThat(guard.state()).isEqualTo(BreakerState.OPEN);

        assertThatThrownBy(() -> guard.call(attempts::incrementAndGet)).isInstanceOf(GridUnavailable.class);
        assertThat(attempts).as("an open breaker does not call the grid").hasValue(10);

        TestGrids.sleep(600);
        assertThat(guard.call(() -> "back")).isEqualTo("back");
        assertThat(guard.call(() -> "back")).isEqualTo("back");
        assertThat(guard.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void failuresCarryNoMessageThatCouldQuoteAKey() {
        GridGuard guard = new GridGuard(Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> guard.call(() -> {
            throw new IllegalStateException("no entry for student-42");
        })).isInstanceOf(GridUnavailable.class).hasMessageNotContaining("student");
    }
}
