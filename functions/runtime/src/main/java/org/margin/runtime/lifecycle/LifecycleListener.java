package org.margin.runtime.lifecycle;

/**
 * A part of a function (a store, a grid client) that must act when the runtime starts or stops. Start-up is on
 * the cold-start path: a listener opens nothing in {@link #started}, it connects on first use.
 *
 * <p>A listener that throws is logged (by its class) and does not stop the others.
 */
public interface LifecycleListener {

    /**
     * The runtime is starting and its server does not listen yet. Called once, on a start-up thread beside the
     * server's own set-up, and the server may start listening before it returns: the place for in-process work
     * the first request needs (loading tables), which that request then waits for rather than repeating. Opens
     * no connections.
     */
    default void preparing() {
    }

    /** The runtime now takes requests on {@code port}. Must return at once. */
    default void started(int port) {
    }

    /**
     * The start is over: the first request (not a probe or a scrape) has been answered, or none came within
     * {@link RuntimeLifecycle#SETTLE_AFTER} of {@link #started}. Called once, on a virtual thread of its own. The
     * place for background work that would otherwise take the CPU from the request that woke a function scaled to
     * zero (connecting to the grid, filling its near cache).
     */
    default void settled() {
    }

    /**
     * The runtime refuses new requests and waits for those in flight: stop background work that would outlive
     * the grace period, and end long-lived streams that would otherwise hold the shutdown to its deadline.
     */
    default void draining() {
    }

    /** The server has stopped; release connections and other resources. */
    default void stopped() {
    }
}
