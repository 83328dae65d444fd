package org.margin.runtime.cloudevents;

import io.cloudevents.CloudEvent;

/**
 * Handles the CloudEvents of one type. Runs on the request's (virtual) thread; Knative delivers at least once, so
 * a handler must tolerate duplicates (same {@code source} and {@code id}).
 */
@FunctionalInterface
public interface CloudEventHandler {

    /**
     * Handles {@code event}. Throwing is a bug, answered with 500 (which the sender retries); an expected failure
     * is an {@link EventOutcome}.
     */
    EventOutcome handle(CloudEvent event);
}
