package org.margin.grid.coherence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.margin.grid.client.GridConnection;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * This instance's lease on its near caches. The instance is listed in {@value #INSTANCES} with a time to live
 * of one lease, renewed every third of it; it trusts its near caches only while its own view of the lease runs,
 * which ends before the grid drops the entry (the view is counted from before the renewal was sent). A writer
 * therefore knows every instance that may hold an old copy: those listed. When the lease lapses or the entry
 * vanishes (a writer removes an instance that did not acknowledge a notice), the instance stops trusting, forgets
 * its near caches, and registers anew.
 */
public final class InstanceLease implements AutoCloseable {

    public static final String INSTANCES = "margin.grid.instances";

    private static final System.Logger LOG = System.getLogger(InstanceLease.class.getName());

    private final String instanceId;
    private final Duration lease;
    private final long trustedNanos;
    private final GridConnection connection;
    private final NearCaches nearCaches;
    private final List<Runnable> onTrusted = new CopyOnWriteArrayList<>();
    private final Consumer<HazelcastInstance> subscriber;
    private HazelcastInstance subscribed;
    private final ScheduledExecutorService timer;
    private volatile long trustedUntilNanos;
    private volatile boolean trusting;

    /**
     * @param subscriber starts listening for write notices on a client; called once per client, before the
     *                   instance first registers, so that no writer can list it before it hears notices
     */
    public InstanceLease(String instanceId, Duration lease, GridConnection connection, NearCaches nearCaches,
                         Consumer<HazelcastInstance> subscriber) {
        this.instanceId = instanceId;
        this.lease = lease;
        // A tenth of the lease covers clocks that tick at slightly different rates on writer and reader.
        this.trustedNanos = lease.toNanos() - lease.toNanos() / 10;
        this.connection = connection;
        this.nearCaches = nearCaches;
        this.subscriber = subscriber;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("margin-grid-lease")
                .factory());
    }

    /** Renews from now on; registers whenever the client (re)connects. */
    public void start() {
        connection.onConnected(() -> timer.execute(this::register));
        connection.onDisconnected(this::distrust);
        long period = lease.toMillis() / 3;
        timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether this instance may answer from its near caches now. */
    public boolean trusted() {
        return trusting && trustedUntilNanos - System.nanoTime() > 0;
    }

    /** Runs {@code action} on the lease's thread each time the instance becomes trusted. */
    public void onTrusted(Runnable action) {
        onTrusted.add(action);
    }

    private void distrust() {
        trusting = false;
    }

    private void register() {
        HazelcastInstance client = connection.client().orElse(null);
        if (client == null) {
            return;
        }
        try {
            distrust();
            if (subscribed != client) {
                subscriber.accept(client);
                subscribed = client;
            }
            // Notices may have been missed while untrusted: nothing held from before may be served.
            nearCaches.clearAll();
            long sent = System.nanoTime();
            instances(client).set(instanceId, instanceId, lease.toMillis(), TimeUnit.MILLISECONDS);
            trustedUntilNanos = sent + trustedNanos;
            trusting = true;
            onTrusted.forEach(Runnable::run);
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "Registering with the grid failed; will retry");
        }
    }

    private void renew() {
        if (!trusting) {
            register();
            return;
        }
        HazelcastInstance client = connection.client().orElse(null);
        if (client == null) {
            return;
        }
        try {
            long sent = System.nanoTime();
            if (instances(client).setTtl(instanceId, lease.toMillis(), TimeUnit.MILLISECONDS)) {
                trustedUntilNanos = sent + trustedNanos;
            } else {
                register();
            }
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "Renewing the grid lease failed; it lapses unless the next try works");
        }
    }

    static IMap<String, String> instances(HazelcastInstance client) {
        return client.getMap(INSTANCES);
    }

    /** Leaves the grid's list at once, so that writers stop waiting for this instance. */
    @Override
    public void close() {
        timer.shutdownNow();
        distrust();
        connection.client().ifPresent(client -> {
            try {
                instances(client).delete(instanceId);
            } catch (RuntimeException unreachable) {
                LOG.log(System.Logger.Level.DEBUG, "Leaving the grid's instance list failed; the entry expires");
            }
        });
    }
}
