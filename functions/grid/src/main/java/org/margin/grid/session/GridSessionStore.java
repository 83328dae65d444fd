package org.margin.grid.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.margin.grid.Grid;
import org.margin.grid.client.GridConnection;
import org.margin.grid.codec.ValueCodec;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.runtime.mcp.session.SessionState;
import org.margin.runtime.mcp.session.SessionStore;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;

/**
 * 2025-11-25 sessions in the grid, so that any instance serves any request of a session. Session ids and reply
 * ids reach the grid as keyed pseudonyms, states and replies sealed by the codec. The sessions' maps have no near
 * cache: every instance reads the one copy the grid keeps.
 *
 * <p>A client's reply to a server-to-client request may land on any instance: the waiting instance lists the
 * reply's key in {@value #WAITING}, and the instance that receives the reply claims that entry and forwards the
 * reply on the waiter's own topic.
 *
 * <p>The events of a resumable response stream are kept in {@value #EVENTS} as they are sent, so that a client can
 * resume the stream with {@code Last-Event-ID} on any instance, which then follows the stream through the grid.
 *
 * <pre>{@code
 * McpServer.builder().sessionStore(GridSessionStore.create(grid))...
 * }</pre>
 */
public final class GridSessionStore implements SessionStore {

    static final String STATES = "margin.session.states";
    static final String WAITING = "margin.session.waiting";
    static final String REPLIES = "margin.session.replies.";
    static final String EVENTS = "margin.session.events";

    private static final System.Logger LOG = System.getLogger(GridSessionStore.class.getName());

    /** How often a stream resumed on this instance looks for events the serving instance kept since. */
    private static final long POLL_MILLIS = 20;

    private final GridConnection connection;
    private final KeyPseudonyms pseudonyms;
    private final ValueCodec codec;
    private final String instanceId;
    private final Duration connectWait;
    private final Duration replyWait;
    private final Clock clock;
    private final Map<ReplyKey, CompletableFuture<byte[]>> awaited = new ConcurrentHashMap<>();
    private final Map<String, ReplyKey> awaitedByPseudonym = new ConcurrentHashMap<>();
    private volatile HazelcastInstance subscribed;

    /**
     * @param connectWait how long a session request waits for the grid connection on an instance's first use
     * @param replyWait   how long a waiting instance stays listed for a reply; longer than the engine's reply timeout
     */
    public GridSessionStore(GridConnection connection, KeyPseudonyms pseudonyms, ValueCodec codec, String instanceId,
                            Duration connectWait, Duration replyWait, Clock clock) {
        this.connection = connection;
        this.pseudonyms = pseudonyms;
        this.codec = codec;
        this.instanceId = instanceId;
        this.connectWait = connectWait;
        this.replyWait = replyWait;
        this.clock = clock;
    }

    /** The session store on {@code grid}'s connection, keys and codec. */
    public static GridSessionStore create(Grid grid) {
        return new GridSessionStore(grid.support().connection(), grid.support().pseudonyms(), grid.support().codec(),
                grid.support().notices().instanceId(), Duration.ofSeconds(5), Duration.ofMinutes(10),
                Clock.systemUTC());
    }

    @Override
    public void put(SessionState state) {
        String key = sessionKey(state.id());
        long ttl = Math.max(1, state.expiresAtMillis() - clock.millis());
        states().set(key, codec.seal(state.toBytes(), context(key)), ttl, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<SessionState> get(String sessionId) {
        String key = sessionKey(sessionId);
        byte[] sealed = states().get(key);
        if (sealed == null) {
            return Optional.empty();
        }
        SessionState state = SessionState.fromBytes(codec.open(sealed, context(key)));
        if (state.expiredAt(clock.millis())) {
            remove(sessionId);
            return Optional.empty();
        }
        return Optional.of(state);
    }

    @Override
    public void remove(String sessionId) {
        states().delete(sessionKey(sessionId));
        for (ReplyKey reply : List.copyOf(awaited.keySet())) {
            if (reply.sessionId().equals(sessionId)) {
                abandonReply(reply.sessionId(), reply.requestId());
            }
        }
    }

    @Override
    public CompletableFuture<byte[]> expectReply(String sessionId, String requestId) {
        HazelcastInstance client = client();
        subscribe(client);
        ReplyKey reply = new ReplyKey(sessionId, requestId);
        String key = replyKey(reply);
        CompletableFuture<byte[]> future = awaited.computeIfAbsent(reply, ignored -> new CompletableFuture<>());
        awaitedByPseudonym.put(key, reply);
        waiting(client).set(key, instanceId, replyWait.toMillis(), TimeUnit.MILLISECONDS);
        return future;
    }

    @Override
    public void abandonReply(String sessionId, String requestId) {
        ReplyKey reply = new ReplyKey(sessionId, requestId);
        String key = replyKey(reply);
        awaitedByPseudonym.remove(key);
        CompletableFuture<byte[]> future = awaited.remove(reply);
        if (future != null) {
            future.cancel(false);
            waiting(client()).delete(key);
        }
    }

    @Override
    public boolean deliverReply(String sessionId, String requestId, byte[] reply) {
        ReplyKey replyKey = new ReplyKey(sessionId, requestId);
        String key = replyKey(replyKey);
        HazelcastInstance client = client();
        // Claiming the entry makes delivery happen once, however many times the client sends its reply.
        String waiter = waiting(client).remove(key);
        if (waiter == null) {
            return false;
        }
        if (waiter.equals(instanceId)) {
            return complete(key, reply);
        }
        ITopic<byte[]> topic = client.getTopic(REPLIES + waiter);
        topic.publish(ForwardedReply.encode(key, codec.seal(reply, context(key))));
        return true;
    }

    @Override
    public void keepStreamEvent(String sessionId, String streamId, int number, byte[] event, boolean last) {
        // Best effort and asynchronous: the stream's own client must never wait for the grid, nor fail with it;
        // without the grid, only this instance can resume the stream.
        HazelcastInstance client = connection.client().orElse(null);
        if (client == null) {
            return;
        }
        String key = streamKey(sessionId, streamId);
        try {
            IMap<String, byte[]> events = events(client);
            events.setAsync(key + ":" + number, codec.seal(event, context(key)), replyWait.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (last) {
                events.setAsync(key + ":end", ByteBuffer.allocate(Integer.BYTES).putInt(number).array(),
                        replyWait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "A stream event could not be kept in the grid");
        }
    }

    @Override
    public boolean keepsStream(String sessionId, String streamId) {
        return events(client()).containsKey(streamKey(sessionId, streamId) + ":0");
    }

    @Override
    public void replayStream(String sessionId, String streamId, long afterNumber, Predicate<byte[]> sink,
                             Duration patience) throws InterruptedException {
        String key = streamKey(sessionId, streamId);
        IMap<String, byte[]> events = events(client());
        long next = afterNumber + 1;
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            byte[] sealed = events.get(key + ":" + next);
            if (sealed != null) {
                if (!sink.test(codec.open(sealed, context(key)))) {
                    return;
                }
                next++;
                deadline = System.nanoTime() + patience.toNanos();
                continue;
            }
            byte[] end = events.get(key + ":end");
            if (end != null && next > ByteBuffer.wrap(end).getInt()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean complete(String key, byte[] reply) {
        ReplyKey replyKey = awaitedByPseudonym.remove(key);
        if (replyKey == null) {
            return false;
        }
        CompletableFuture<byte[]> future = awaited.remove(replyKey);
        return future != null && future.complete(reply);
    }

    private void subscribe(HazelcastInstance client) {
        if (subscribed == client) {
            return;
        }
        synchronized (this) {
            if (subscribed != client) {
                ITopic<byte[]> replies = client.getTopic(REPLIES + instanceId);
                UUID listener = replies.addMessageListener(message -> {
                    ForwardedReply forwarded = ForwardedReply.decode(message.getMessageObject());
                    complete(forwarded.key(), codec.open(forwarded.sealedReply(), context(forwarded.key())));
                });
                connection.releaseAtClose(() -> replies.removeMessageListener(listener));
                subscribed = client;
            }
        }
    }

    /** The grid client; a session request on a fresh instance waits for the connection, briefly. */
    private HazelcastInstance client() {
        long deadline = System.nanoTime() + connectWait.toNanos();
        while (true) {
            Optional<HazelcastInstance> client = connection.client();
            if (client.isPresent()) {
                return client.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the grid that keeps sessions is unreachable");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the grid", interrupted);
            }
        }
    }

    private IMap<String, byte[]> states() {
        return client().getMap(STATES);
    }

    private static IMap<String, String> waiting(HazelcastInstance client) {
        return client.getMap(WAITING);
    }

    private static IMap<String, byte[]> events(HazelcastInstance client) {
        return client.getMap(EVENTS);
    }

    private String streamKey(String sessionId, String streamId) {
        return pseudonyms.of("stream", sessionId + "\n" + streamId);
    }

    private String sessionKey(String sessionId) {
        return pseudonyms.of("session", sessionId);
    }

    private String replyKey(ReplyKey reply) {
        return pseudonyms.of("reply", reply.sessionId() + "\n" + reply.requestId());
    }

    private static byte[] context(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }

    private record ReplyKey(String sessionId, String requestId) {
    }
}
