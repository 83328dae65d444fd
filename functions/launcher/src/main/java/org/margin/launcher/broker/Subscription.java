package org.margin.launcher.broker;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One Trigger, resolved to local addresses: events of {@code type} go to {@code subscriber}, retried as
 * {@code retry} says, and to {@code deadLetterSink} when they keep failing.
 */
public record Subscription(String trigger, String type, URI subscriber, RetryPolicy retry,
                           Optional<URI> deadLetterSink) {

    public Subscription {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(deadLetterSink, "deadLetterSink");
    }
}
