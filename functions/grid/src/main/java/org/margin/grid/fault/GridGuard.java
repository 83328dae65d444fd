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

    private final Duration callTimeout;
    private final Duration breakerDelay;
    private volatile Guards guards;

    /**
     * Builds nothing yet: the first fault-tolerance builder in a process starts Helidon's fault-tolerance machinery,
     * which a function's cold start should not wait for, so the guards are made at the first grid call.
     */
    public GridGuard(Duration callTimeout, Duration breakerDelay) {
        this.callTimeout = callTimeout;
        this.breakerDelay = breakerDelay;
    }

    public <T> T call(Supplier<T> gridCall) {
        Guards made = guards();
        try {
            return made.breaker().invoke(() -> made.timeout().invoke(gridCall));
        } catch (RuntimeException failed) {
            throw new GridUnavailable(failed);
        }
    }

    /** Closed until the first call, as a breaker that has seen no failure is. */
    public BreakerState state() {
        Guards made = guards;
        if (made == null) {
            return BreakerState.CLOSED;
        }
        return switch (made.breaker().state()) {
            case CLOSED -> BreakerState.CLOSED;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            case OPEN -> BreakerState.OPEN;
        };
    }

    private Guards guards() {
        Guards made = guards;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (guards == null) {
                guards = new Guards(
                        CircuitBreaker.builder()
                                .name("margin-grid")
                                .delay(breakerDelay)
                                // Opens when half of the last ten calls failed; two good calls in a row close it.
                                .volume(10)
                                .errorRatio(50)
                                .successThreshold(2)
                                .build(),
                        Timeout.builder().name("margin-grid-call").timeout(callTimeout).build());
            }
            return guards;
        }
    }

    private record Guards(CircuitBreaker breaker, Timeout timeout) {
    }
}
