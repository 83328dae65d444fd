package org.margin.launcher.broker;

import java.time.Duration;

/**
 * A Trigger's {@code delivery}: how many retries after the first attempt, and the delay before retry n
 * ({@code backoffDelay * 2^n} when exponential, {@code backoffDelay * (n + 1)} when linear), as Knative computes it.
 */
public record RetryPolicy(int retries, boolean exponential, Duration backoffDelay) {

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        if (backoffDelay.isNegative()) {
            throw new IllegalArgumentException("backoffDelay must not be negative");
        }
    }

    /** Knative's default when a Trigger says nothing: no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, true, Duration.ZERO);
    }

    /** The wait before retry {@code retry} (0 for the first retry). */
    public Duration delayBefore(int retry) {
        return exponential ? backoffDelay.multipliedBy(1L << Math.min(retry, 20))
                : backoffDelay.multipliedBy(retry + 1L);
    }
}
