package org.margin.events.lms;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ReplayGuard} for one process: entries expire with their freshness and are swept on writes. */
public final class InMemoryReplayGuard implements ReplayGuard {

    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final Map<String, Instant> claims = new ConcurrentHashMap<>();
    private int writes;

    public InMemoryReplayGuard() {
        this(Clock.systemUTC());
    }

    public InMemoryReplayGuard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean claim(String lmsSourceId, String deliveryId, Instant retainUntil) {
        Instant now = clock.instant();
        sweepNowAndThen(now);
        boolean[] first = {false};
        claims.compute(key(lmsSourceId, deliveryId), (key, held) -> {
            if (held != null && held.isAfter(now)) {
                return held;
            }
            first[0] = true;
            return retainUntil;
        });
        return first[0];
    }

    @Override
    public void release(String lmsSourceId, String deliveryId) {
        claims.remove(key(lmsSourceId, deliveryId));
    }

    /** How many deliveries are remembered now (for tests). */
    int size() {
        return claims.size();
    }

    private void sweepNowAndThen(Instant now) {
        boolean sweep;
        synchronized (this) {
            sweep = ++writes % SWEEP_EVERY == 0;
        }
        if (sweep) {
            claims.values().removeIf(until -> !until.isAfter(now));
        }
    }

    private static String key(String lmsSourceId, String deliveryId) {
        return lmsSourceId + '\n' + deliveryId;
    }
}
