package org.margin.runtime.cloudevents.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ledger of this process only: it drops duplicates that come back to the same instance. Functions that scale out
 * use the grid's ledger, which every instance shares. Entries are forgotten after {@code retention}, and the oldest
 * beyond {@code capacity}, so memory stays bounded.
 */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private static final long IN_PROGRESS = -1;

    private final Map<String, Long> handledAt = new ConcurrentHashMap<>();
    private final Duration retention;
    private final int capacity;
    private final Clock clock;

    public InMemoryDeliveryLedger(Duration retention, int capacity, Clock clock) {
        this.retention = retention;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** One hour and 100,000 deliveries. */
    public static InMemoryDeliveryLedger create() {
        return new InMemoryDeliveryLedger(Duration.ofHours(1), 100_000, Clock.systemUTC());
    }

    @Override
    public Claim claim(String source, String id) {
        long now = clock.millis();
        Long previous = handledAt.putIfAbsent(key(source, id), IN_PROGRESS);
        if (previous == null) {
            if (handledAt.size() > capacity) {
                evict(now);
            }
            return Claim.CLAIMED;
        }
        if (previous == IN_PROGRESS) {
            return Claim.IN_PROGRESS;
        }
        if (now - previous > retention.toMillis() && handledAt.replace(key(source, id), previous, IN_PROGRESS)) {
            return Claim.CLAIMED;
        }
        return Claim.ALREADY_HANDLED;
    }

    @Override
    public void handled(String source, String id) {
        handledAt.put(key(source, id), clock.millis());
    }

    @Override
    public void released(String source, String id) {
        handledAt.remove(key(source, id), IN_PROGRESS);
    }

    private void evict(long now) {
        long expired = now - retention.toMillis();
        handledAt.values().removeIf(at -> at != IN_PROGRESS && at < expired);
        Iterator<Map.Entry<String, Long>> oldest = handledAt.entrySet().iterator();
        while (handledAt.size() > capacity && oldest.hasNext()) {
            if (oldest.next().getValue() != IN_PROGRESS) {
                oldest.remove();
            }
        }
    }

    private static String key(String source, String id) {
        return source.length() + ":" + source + id;
    }
}
