package org.margin.grid.fault;

import java.time.Duration;
import java.util.function.Supplier;

import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.Timeout;

/**
 * Every call to the grid on a request's path goes through here: a short timeout, then a circuit breaker that
 * stops calling a grid that keeps failing and tries it again by itself after a delay. A refused or failed call
 * surfaces as {@link GridUnavailable}, and the caller serves from the store.
 */
public final class GridGuard {

    private final CircuitBreaker breaker;
    private final Timeout timeout;

    public GridGuard(Duration callTimeout, Duration breakerDelay) {
        this.timeout = Timeout.builder().name("margin-grid-call").timeout(callTimeout).build();
        this.breaker = CircuitBreaker.builder()
                .name("margin-grid")
                .delay(breakerDelay)
                // Opens when half of the last ten calls failed; two good calls in a row close it again.
                .volume(10)
                .errorRatio(50)
                .successThreshold(2)
                .build();
    }

    public <T> T call(Supplier<T> gridCall) {
        try {
            return breaker.invoke(() -> timeout.invoke(gridCall));
        } catch (RuntimeException failed) {
            throw new GridUnavailable(failed);
        }
    }

    public BreakerState state() {
        return switch (breaker.state()) {
            case CLOSED -> BreakerState.CLOSED;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            case OPEN -> BreakerState.OPEN;
        };
    }
}
