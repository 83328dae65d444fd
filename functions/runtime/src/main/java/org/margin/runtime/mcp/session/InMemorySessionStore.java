package org.margin.runtime.mcp.session;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions and awaited replies of one instance, in its memory. Expired sessions are dropped when read. */
public final class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<String, SessionState> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<ReplyKey, CompletableFuture<byte[]>> awaited = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySessionStore() {
        this(Clock.systemUTC());
    }

    public InMemorySessionStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(SessionState state) {
        sessions.put(state.id(), state);
    }

    @Override
    public Optional<SessionState> get(String sessionId) {
        SessionState state = sessions.get(sessionId);
        if (state == null) {
            return Optional.empty();
        }
        if (state.expiredAt(clock.millis())) {
            remove(sessionId);
            return Optional.empty();
        }
        return Optional.of(state);
    }

    @Override
    public void remove(String sessionId) {
        sessions.remove(sessionId);
        awaited.entrySet().removeIf(entry -> {
            if (entry.getKey().sessionId().equals(sessionId)) {
                entry.getValue().cancel(false);
                return true;
            }
            return false;
        });
    }

    @Override
    public CompletableFuture<byte[]> expectReply(String sessionId, String requestId) {
        return awaited.computeIfAbsent(new ReplyKey(sessionId, requestId), key -> new CompletableFuture<>());
    }

    @Override
    public void abandonReply(String sessionId, String requestId) {
        CompletableFuture<byte[]> future = awaited.remove(new ReplyKey(sessionId, requestId));
        if (future != null) {
            future.cancel(false);
        }
    }

    @Override
    public boolean deliverReply(String sessionId, String requestId, byte[] reply) {
        CompletableFuture<byte[]> future = awaited.remove(new ReplyKey(sessionId, requestId));
        return future != null && future.complete(reply);
    }

    private record ReplyKey(String sessionId, String requestId) {
    }
}
