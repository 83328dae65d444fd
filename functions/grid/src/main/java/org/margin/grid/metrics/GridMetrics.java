package org.margin.grid.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.margin.grid.fault.BreakerState;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * The grid's instruments. Labels are closed sets (tier, result, cause) and cache names from code; never a key.
 */
public final class GridMetrics {

    private final Meter meter;
    private final LongCounter reads;
    private final LongCounter invalidations;
    private final LongCounter writes;
    private final Map<String, CacheMetrics> caches = new ConcurrentHashMap<>();

    public GridMetrics(Meter meter, Supplier<BreakerState> breaker) {
        this.meter = meter;
        this.reads = meter.counterBuilder("margin.grid.reads")
                .setDescription("Reads per cache tier (l1 near cache, l2 grid map, l3 store) and result")
                .build();
        this.invalidations = meter.counterBuilder("margin.grid.invalidations")
                .setDescription("Near-cache entries dropped because of a write, by cause")
                .build();
        this.writes = meter.counterBuilder("margin.grid.writes")
                .setDescription("Writes, by whether every instance confirmed it no longer holds the old value")
                .build();
        meter.gaugeBuilder("margin.grid.breaker.state")
                .setDescription("The grid circuit breaker: 0 closed, 1 half-open, 2 open")
                .ofLongs()
                .buildWithCallback(gauge -> gauge.record(breaker.get().gaugeValue()));
    }

    /** Instruments that record nothing, when no meter is given. */
    public static GridMetrics none(Supplier<BreakerState> breaker) {
        return new GridMetrics(OpenTelemetry.noop().getMeter("org.margin.grid"), breaker);
    }

    /** The instruments of one cache, labelled with its name. */
    public CacheMetrics cache(String cacheName) {
        return caches.computeIfAbsent(cacheName, name -> new CacheMetrics(name, meter, reads, invalidations, writes));
    }
}
