package org.margin.runtime.lifecycle;

/** Where a function runtime is in its life; readiness is {@link #SERVING} and nothing else. */
public enum RuntimeState {
    /** Built, not yet listening. */
    CREATED,
    /** Listening and taking requests. */
    SERVING,
    /** Told to stop: refusing new requests, letting those in flight finish. */
    DRAINING,
    /** No longer listening. */
    STOPPED
}
