package org.margin.grid.fault;

/** The grid could not answer in time, or the circuit breaker kept the call from it. */
public final class GridUnavailable extends RuntimeException {

    public GridUnavailable(Throwable cause) {
        // Only the type: a grid exception's message may quote a key.
        super(cause.getClass().getName(), null, false, false);
    }
}
