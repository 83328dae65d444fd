package org.margin.runtime.lifecycle;

import java.time.Duration;

/**
 * How a graceful stop went.
 *
 * @param abandoned requests still running when the grace period ran out, cut off by the stop; 0 when all finished
 * @param took      how long the drain waited
 */
public record DrainOutcome(int abandoned, Duration took) {

    /** Whether every in-flight request finished within the grace period. */
    public boolean complete() {
        return abandoned == 0;
    }
}
