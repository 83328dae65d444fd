package org.margin.runtime.mcp.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.margin.runtime.mcp.session.SessionStore;

/**
 * The 2025-11-25 response streams of this instance that a client may resume with {@code Last-Event-ID}. A
 * finished stream is forgotten once delivered, or after a grace period for a client that never came back.
 */
final class ResumableStreams {

    private final ConcurrentMap<String, EventStream> streams = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration grace;
    private final SessionStore keeper;

    /** @param keeper keeps every event too, for clients that resume on another instance */
    ResumableStreams(Clock clock, Duration grace, SessionStore keeper) {
        this.clock = clock;
        this.grace = grace;
        this.keeper = keeper;
    }

    EventStream open(String streamId, String sessionId) {
        long now = clock.millis();
        streams.values().removeIf(stream -> stream.disposable(now, grace.toMillis()));
        EventStream stream = new EventStream(streamId, sessionId, true, keeper);
        streams.put(streamId, stream);
        return stream;
    }

    /** The stream an event id belongs to, if it is this session's and still known. */
    Optional<EventStream> find(String streamId, String sessionId) {
        return Optional.ofNullable(streams.get(streamId)).filter(stream -> stream.sessionId().equals(sessionId));
    }

    long now() {
        return clock.millis();
    }
}
