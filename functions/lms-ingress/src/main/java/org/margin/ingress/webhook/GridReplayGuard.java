package org.margin.ingress.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.margin.events.lms.ReplayGuard;
import org.margin.events.lms.ReplayGuardUnavailable;
import org.margin.grid.Grid;
import org.margin.grid.client.GridConnection;
import org.margin.grid.key.KeyPseudonyms;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The webhook deliveries every ingress instance has accepted, in the grid under keyed pseudonyms, each kept until
 * it would be stale anyway. Without the grid a delivery cannot be proven new, so it is refused as retryable (the
 * LMS sends it again) rather than let through.
 */
public final class GridReplayGuard implements ReplayGuard {

    static final String DELIVERIES = "margin.ingress.deliveries";
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(5);

    private final GridConnection connection;
    private final KeyPseudonyms pseudonyms;
    private final Clock clock;

    public GridReplayGuard(Grid grid, Clock clock) {
        this.connection = grid.support().connection();
        this.pseudonyms = grid.support().pseudonyms();
        this.clock = clock;
    }

    @Override
    public boolean claim(String lmsSourceId, String deliveryId, Instant retainUntil) {
        long ttl = Math.max(1_000, retainUntil.toEpochMilli() - clock.millis());
        try {
            return deliveries().putIfAbsent(key(lmsSourceId, deliveryId), Boolean.TRUE, ttl, TimeUnit.MILLISECONDS)
                    == null;
        } catch (RuntimeException e) {
            throw new ReplayGuardUnavailable(e);
        }
    }

    @Override
    public void release(String lmsSourceId, String deliveryId) {
        try {
            deliveries().delete(key(lmsSourceId, deliveryId));
        } catch (RuntimeException e) {
            throw new ReplayGuardUnavailable(e);
        }
    }

    /** The map, waiting a little for the connection on an instance's first use (a cold start). */
    private IMap<String, Boolean> deliveries() {
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        while (true) {
            HazelcastInstance client = connection.client().orElse(null);
            if (client != null) {
                return client.getMap(DELIVERIES);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the grid is not connected");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the grid");
            }
        }
    }

    private String key(String lmsSourceId, String deliveryId) {
        return pseudonyms.of("webhook", lmsSourceId.length() + ":" + lmsSourceId + deliveryId);
    }
}
