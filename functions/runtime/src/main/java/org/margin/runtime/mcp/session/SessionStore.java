package org.margin.runtime.mcp.session;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Where 2025-11-25 sessions live, so that any instance can serve any request of a session, and where a
 * client's reply to a server-to-client request finds the instance waiting for it. The in-memory store serves
 * one instance; a shared store serves many.
 */
public interface SessionStore {

    /** Creates or replaces a session. */
    void put(SessionState state);

    /** The session, unless unknown or expired. */
    Optional<SessionState> get(String sessionId);

    /** Ends a session; waiting for its replies stops. */
    void remove(String sessionId);

    /**
     * Starts waiting for the client's reply to the server-to-client request {@code requestId} sent within the
     * session. The future completes with the reply message's JSON bytes.
     */
    CompletableFuture<byte[]> expectReply(String sessionId, String requestId);

    /** Stops waiting for a reply, e.g. when the stream it belongs to closed. */
    void abandonReply(String sessionId, String requestId);

    /**
     * Hands a client's reply to whichever instance waits for it.
     *
     * @return whether someone was waiting for it
     */
    boolean deliverReply(String sessionId, String requestId, byte[] reply);

    /**
     * Keeps event {@code number} of a resumable response stream, its SSE bytes as sent, so that a client can
     * resume the stream on another instance; number 0 opens the stream and carries no bytes, and {@code last}
     * marks the stream's final event. A store that serves one instance keeps nothing: the instance holds its
     * streams itself.
     */
    default void keepStreamEvent(String sessionId, String streamId, int number, byte[] event, boolean last) {
    }

    /** Whether the store keeps the events of this session's stream, which another instance serves. */
    default boolean keepsStream(String sessionId, String streamId) {
        return false;
    }

    /**
     * Hands {@code sink} the kept events after {@code afterNumber}, then the further events as they are kept,
     * until the last one, until {@code sink} refuses one (its connection is gone), or until {@code patience}
     * passes without a new event.
     */
    default void replayStream(String sessionId, String streamId, long afterNumber, Predicate<byte[]> sink,
                              Duration patience) throws InterruptedException {
    }
}
