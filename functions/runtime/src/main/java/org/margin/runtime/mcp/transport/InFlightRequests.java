package org.margin.runtime.mcp.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import tools.jackson.databind.JsonNode;

/**
 * The 2025-11-25 requests this instance is serving, by session and JSON-RPC id, so that the client's
 * {@code notifications/cancelled} can stop one. A cancellation naming anything else finds nothing and is ignored,
 * as the spec asks: an unknown id, a request already answered, {@code initialize} (never tracked), or a request
 * that another instance serves.
 */
final class InFlightRequests {

    private final ConcurrentMap<Key, ResponseChannel> running = new ConcurrentHashMap<>();

    /** Makes the request cancellable while its handler runs. */
    void track(String sessionId, JsonNode requestId, ResponseChannel channel) {
        running.put(new Key(sessionId, requestId), channel);
    }

    /** Forgets the request once it has been answered, or has failed. */
    void untrack(String sessionId, JsonNode requestId, ResponseChannel channel) {
        running.remove(new Key(sessionId, requestId), channel);
    }

    /** Cancels the request if this instance is serving it. */
    void cancel(String sessionId, JsonNode requestId) {
        ResponseChannel channel = running.get(new Key(sessionId, requestId));
        if (channel != null) {
            channel.cancel();
        }
    }

    private record Key(String sessionId, JsonNode requestId) {
    }
}
