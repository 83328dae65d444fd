package org.margin.grid.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.margin.grid.Grid;
import org.margin.grid.client.GridConnection;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The deliveries every instance of a function has handled, in the grid, so that a duplicate dropped on one instance
 * stays dropped on all. Keys are keyed pseudonyms of {@code source} and {@code id}. A claim is held for
 * {@code claimHold} only, so a delivery whose instance died while handling it can be claimed again by a retry.
 *
 * <p>When the grid cannot be reached the ledger claims every delivery: handlers are idempotent where it matters
 * (the store files a submission's results once), so running a duplicate costs work, while refusing deliveries
 * would stop the pipeline.
 */
public final class GridDeliveryLedger implements DeliveryLedger {

    static final String DELIVERIES = "margin.event.deliveries";

    private static final System.Logger LOG = System.getLogger(GridDeliveryLedger.class.getName());
    private static final byte IN_PROGRESS = 0;
    private static final byte HANDLED = 1;

    private final GridConnection connection;
    private final KeyPseudonyms pseudonyms;
    private final String namespace;
    private final Duration claimHold;
    private final Duration retention;
    private final AtomicBoolean degradedReported = new AtomicBoolean();

    /**
     * @param namespace  separates the ledgers of functions that receive the same events (each must handle them)
     * @param claimHold  how long a claim blocks duplicates while its handler runs
     * @param retention  how long a handled delivery is remembered
     */
    public GridDeliveryLedger(GridConnection connection, KeyPseudonyms pseudonyms, String namespace,
                              Duration claimHold, Duration retention) {
        this.connection = connection;
        this.pseudonyms = pseudonyms;
        this.namespace = namespace;
        this.claimHold = claimHold;
        this.retention = retention;
    }

    /**
     * The ledger of {@code function} on {@code grid}: claims held 2 minutes, deliveries remembered an hour, far longer
     * than a Trigger's retries take (six from 0.5 s, doubling: 31.5 s) and a broker's redeliveries after a restart.
     */
    public static GridDeliveryLedger create(Grid grid, String function) {
        return new GridDeliveryLedger(grid.support().connection(), grid.support().pseudonyms(), "delivery." + function,
                Duration.ofMinutes(2), Duration.ofHours(1));
    }

    @Override
    public Claim claim(String source, String id) {
        try {
            IMap<String, Byte> deliveries = deliveries();
            if (deliveries == null) {
                return degraded();
            }
            Byte previous = deliveries.putIfAbsent(key(source, id), IN_PROGRESS, claimHold.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (previous == null) {
                return Claim.CLAIMED;
            }
            return previous == HANDLED ? Claim.ALREADY_HANDLED : Claim.IN_PROGRESS;
        } catch (RuntimeException e) {
            return degraded();
        }
    }

    @Override
    public void handled(String source, String id) {
        try {
            IMap<String, Byte> deliveries = deliveries();
            if (deliveries != null) {
                deliveries.set(key(source, id), HANDLED, retention.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            degraded();
        }
    }

    @Override
    public void released(String source, String id) {
        try {
            IMap<String, Byte> deliveries = deliveries();
            if (deliveries != null) {
                deliveries.remove(key(source, id), IN_PROGRESS);
            }
        } catch (RuntimeException e) {
            degraded();
        }
    }

    private IMap<String, Byte> deliveries() {
        HazelcastInstance client = connection.client().orElse(null);
        if (client == null) {
            return null;
        }
        degradedReported.set(false);
        return client.getMap(DELIVERIES);
    }

    private Claim degraded() {
        if (degradedReported.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "The grid is not connected: duplicate deliveries are not dropped "
                    + "until it is");
        }
        return Claim.CLAIMED;
    }

    private String key(String source, String id) {
        return pseudonyms.of(namespace, source.length() + ":" + source + id);
    }
}
