package org.margin.runtime.mcp.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
}
