package org.margin.runtime.cloudevents.sink;

import io.cloudevents.CloudEvent;

/**
 * Where a function sends the events it emits: on Knative the {@code K_SINK} a SinkBinding injects (the broker), in
 * local mode the launcher's broker. Sending returns once the sink has accepted the event.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Sends {@code event}.
     *
     * @throws EventNotDelivered when the sink did not accept it; a handler lets it propagate so that the event it
     *                           is handling is retried (503) rather than acknowledged with its consequence lost
     */
    void send(CloudEvent event);

    /** A sink for a function run without {@code K_SINK}: every send fails as retryable, so nothing is dropped. */
    static EventSink unconfigured() {
        return event -> {
            throw new EventNotDelivered("no event sink is configured (K_SINK is not set)", true);
        };
    }
}
