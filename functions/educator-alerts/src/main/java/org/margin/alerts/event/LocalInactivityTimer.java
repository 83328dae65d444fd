package org.margin.alerts.event;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.lifecycle.LifecycleListener;

/**
 * Local mode's stand-in for the hourly PingSource, which local mode lacks: runs the scheduled inactivity check at
 * a fixed interval, the first run one interval after start-up.
 */
public final class LocalInactivityTimer implements LifecycleListener {

    private static final System.Logger LOG = System.getLogger(LocalInactivityTimer.class.getName());

    private final Supplier<EventOutcome> check;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** @param check what the schedule's event would run: evaluate, announce, say how it went */
    public LocalInactivityTimer(Supplier<EventOutcome> check, Duration interval) {
        this.check = Objects.requireNonNull(check, "check");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public synchronized void started(int port) {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("inactivity-check").factory());
        executor.scheduleAtFixedRate(this::checkOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void draining() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void checkOnce() {
        try {
            if (!(check.get() instanceof EventOutcome.Accepted)) {
                LOG.log(System.Logger.Level.WARNING, "inactivity check did not complete; the next run retries");
            }
        } catch (RuntimeException failure) {
            // A failed run must not cancel the schedule; the next one covers the same stretches.
            LOG.log(System.Logger.Level.WARNING, "inactivity check failed: {0}", failure.getClass().getName());
        }
    }
}
