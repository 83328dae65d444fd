package org.margin.grid.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.margin.grid.coherence.InvalidationCause;
import org.margin.grid.tier.Tier;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/** One cache's counters, with their label sets built once rather than on every read. */
public final class CacheMetrics {

    private static final AttributeKey<String> CACHE = AttributeKey.stringKey("cache");
    private static final AttributeKey<String> TIER = AttributeKey.stringKey("tier");
    private static final AttributeKey<String> RESULT = AttributeKey.stringKey("result");
    private static final AttributeKey<String> CAUSE = AttributeKey.stringKey("cause");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");

    private final LongCounter reads;
    private final LongCounter invalidations;
    private final LongCounter writes;
    private final Attributes[] hits = new Attributes[Tier.values().length];
    private final Attributes[] misses = new Attributes[Tier.values().length];
    private final Attributes[] causes = new Attributes[InvalidationCause.values().length];
    private final Attributes confirmed;
    private final Attributes unconfirmed;
    private final LongAdder l2Evictions = new LongAdder();
    private final LongAdder l2Expirations = new LongAdder();
    private final List<LongSupplier> l1Evictions = new CopyOnWriteArrayList<>();
    private final List<LongSupplier> l1Expirations = new CopyOnWriteArrayList<>();
    private final List<LongSupplier> l1Entries = new CopyOnWriteArrayList<>();

    CacheMetrics(String cacheName, Meter meter, LongCounter reads, LongCounter invalidations, LongCounter writes) {
        this.reads = reads;
        this.invalidations = invalidations;
        this.writes = writes;
        for (Tier tier : Tier.values()) {
            hits[tier.ordinal()] = Attributes.of(CACHE, cacheName, TIER, tier.label(), RESULT, "hit");
            misses[tier.ordinal()] = Attributes.of(CACHE, cacheName, TIER, tier.label(), RESULT, "miss");
        }
        for (InvalidationCause cause : InvalidationCause.values()) {
            causes[cause.ordinal()] = Attributes.of(CACHE, cacheName, CAUSE, cause.label());
        }
        confirmed = Attributes.of(CACHE, cacheName, RESULT, "confirmed");
        unconfirmed = Attributes.of(CACHE, cacheName, RESULT, "unconfirmed");
        Attributes l1Size = Attributes.of(CACHE, cacheName, TIER, Tier.L1.label(), REASON, "size");
        Attributes l1Expiry = Attributes.of(CACHE, cacheName, TIER, Tier.L1.label(), REASON, "expiry");
        Attributes l2Size = Attributes.of(CACHE, cacheName, TIER, Tier.L2.label(), REASON, "size");
        Attributes l2Expiry = Attributes.of(CACHE, cacheName, TIER, Tier.L2.label(), REASON, "expiry");
        meter.counterBuilder("margin.grid.evictions")
                .setDescription("Entries a cache tier dropped by itself, for size or expiry")
                .buildWithCallback(counter -> {
                    counter.record(sum(l1Evictions), l1Size);
                    counter.record(sum(l1Expirations), l1Expiry);
                    counter.record(l2Evictions.sum(), l2Size);
                    counter.record(l2Expirations.sum(), l2Expiry);
                });
        Attributes l1 = Attributes.of(CACHE, cacheName, TIER, Tier.L1.label());
        meter.gaugeBuilder("margin.grid.entries")
                .setDescription("Entries held by this process's near cache")
                .ofLongs()
                .buildWithCallback(gauge -> gauge.record(sum(l1Entries), l1));
    }

    public void hit(Tier tier) {
        reads.add(1, hits[tier.ordinal()]);
    }

    public void miss(Tier tier) {
        reads.add(1, misses[tier.ordinal()]);
    }

    public void invalidated(InvalidationCause cause) {
        invalidated(cause, 1);
    }

    public void invalidated(InvalidationCause cause, long entries) {
        invalidations.add(entries, causes[cause.ordinal()]);
    }

    public void written(boolean everywhere) {
        written(everywhere, 1);
    }

    public void written(boolean everywhere, long keys) {
        writes.add(keys, everywhere ? confirmed : unconfirmed);
    }

    /** Reports the near cache's own counts (one near cache per client object). */
    public void observeNearCache(LongSupplier evictions, LongSupplier expirations, LongSupplier entries) {
        l1Evictions.add(evictions);
        l1Expirations.add(expirations);
        l1Entries.add(entries);
    }

    public void l2Evicted() {
        l2Evictions.increment();
    }

    public void l2Expired() {
        l2Expirations.increment();
    }

    private static long sum(List<LongSupplier> suppliers) {
        long total = 0;
        for (LongSupplier supplier : suppliers) {
            total += supplier.getAsLong();
        }
        return total;
    }
}
