package org.margin.grid.coherence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

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
 *
 * <p>No call to the grid waits longer than a lease. A client call whose answer never comes (a member that lost the
 * answer of another member) is not cut by the client's invocation timeout, and this one thread also renews: so it
 * gives up and tries again on its next tick instead of waiting with it.
 */
public final class InstanceLease implements AutoCloseable {

    public static final String INSTANCES = "margin.grid.instances";

    private static final System.Logger LOG = System.getLogger(InstanceLease.class.getName());
    private static final Executor CALLS = call -> Thread.ofVirtual().name("margin-grid-lease-call").start(call);

    private final String instanceId;
    private final Duration lease;
    private final long trustedNanos;
    private final long periodMillis;
    private final GridConnection connection;
    private final NearCaches nearCaches;
    private final List<Runnable> onTrusted = new CopyOnWriteArrayList<>();
    private final Function<HazelcastInstance, Runnable> subscriber;
    private HazelcastInstance subscribed;
    private final ScheduledExecutorService timer;
    private volatile long trustedUntilNanos;
    private volatile boolean trusting;
    private int failures;

    /**
     * @param subscriber starts listening for write notices on a client and returns what stops it; called once per
     *                   client, before the instance first registers, so that no writer can list it before it hears
     *                   notices
     */
    public InstanceLease(String instanceId, Duration lease, GridConnection connection, NearCaches nearCaches,
                         Function<HazelcastInstance, Runnable> subscriber) {
        this.instanceId = instanceId;
        this.lease = lease;
        // A tenth of the lease covers clocks that tick at slightly different rates on writer and reader.
        this.trustedNanos = lease.toNanos() - lease.toNanos() / 10;
        this.periodMillis = lease.toMillis() / 3;
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
        timer.scheduleWithFixedDelay(this::renew, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Whether this instance may answer from its near caches now. */
    public boolean trusted() {
        return trusting && trustedUntilNanos - System.nanoTime() > 0;
    }

    /** Runs {@code action} on the lease's thread each time the instance is about to become trusted. */
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
                connection.releaseAtClose(subscriber.apply(client));
                subscribed = client;
            }
            // Notices may have been missed while untrusted: nothing held from before may be served.
            nearCaches.clearAll();
            long sent = System.nanoTime();
            IMap<String, String> instances = instances(client);
            // A client's first call also fetches the partition table, which can take seconds on a loaded machine.
            await(() -> {
                instances.set(instanceId, instanceId, lease.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            }, lease.toMillis());
            // Before trusting: a cache that binds its map here serves from the tiers from its first trusted read.
            onTrusted.forEach(Runnable::run);
            trustedUntilNanos = sent + trustedNanos;
            trusting = true;
            succeeded();
        } catch (GridCallFailed failed) {
            failed("Registering with the grid", failed.getCause());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unreachable) {
            failed("Registering with the grid", unreachable);
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
            IMap<String, String> instances = instances(client);
            // Waiting longer than a period would hold up the next renewal; the view of the lease lasts under three.
            if (await(() -> instances.setTtl(instanceId, lease.toMillis(), TimeUnit.MILLISECONDS), periodMillis)) {
                trustedUntilNanos = sent + trustedNanos;
                succeeded();
            } else {
                register();
            }
        } catch (GridCallFailed failed) {
            failed("Renewing the grid lease", failed.getCause());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unreachable) {
            failed("Renewing the grid lease", unreachable);
        }
    }

    /**
     * The call's answer, waiting at most {@code millis}: the next tick tries again. The call runs on a virtual
     * thread of its own (the map has no asynchronous TTL renewal), which a call without answer leaves parked.
     */
    private static boolean await(Supplier<Boolean> call, long millis) throws GridCallFailed, InterruptedException {
        try {
            return CompletableFuture.supplyAsync(call, CALLS).get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException failed) {
            throw new GridCallFailed(failed);
        }
    }

    /**
     * The first failure of a run is a warning, the rest of the run debug: a grid that stays away for an hour
     * says so once. Only exception classes are logged; this instance's id is random and keys never reach here.
     */
    private void failed(String what, Throwable cause) {
        failures++;
        System.Logger.Level level = failures == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        LOG.log(level, () -> what + " failed (" + causes(cause) + "); the lease lapses until a retry every "
                + periodMillis + " ms works");
    }

    private void succeeded() {
        if (failures > 0) {
            LOG.log(System.Logger.Level.INFO, "The grid lease holds again after " + failures + " failed calls");
            failures = 0;
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }

    /** A grid call that failed or gave no answer in time; its cause says which. */
    private static final class GridCallFailed extends Exception {

        GridCallFailed(Throwable cause) {
            super(cause);
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
