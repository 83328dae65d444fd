package org.margin.runtime.cloudevents.sink;

/**
 * An emitted event that the sink did not accept. The message names the cause in fixed words and never quotes the
 * event.
 */
public final class EventNotDelivered extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public EventNotDelivered(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    /** Whether sending the same event again may succeed (the sink was unreachable, overloaded or failing). */
    public boolean retryable() {
        return retryable;
    }
}
