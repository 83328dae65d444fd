package org.margin.store.deadletter;

import java.util.Objects;
import java.util.Optional;
import org.margin.store.Opaque;

/**
 * An event that could not be delivered, as it arrived at the dead-letter sink.
 *
 * @param type        the event's {@code type}
 * @param source      the event's {@code source}
 * @param eventId     the event's {@code id}; with the source, what makes two copies the same letter
 * @param destination the subscriber that kept failing, when the sender said
 * @param status      that subscriber's last HTTP status, when it answered at all
 * @param event       the whole event, in CloudEvents structured JSON; the store does not read it
 */
public record NewDeadLetter(String type, String source, String eventId, Optional<String> destination,
                            Optional<Integer> status, Opaque event) {

    public NewDeadLetter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
    }
}
