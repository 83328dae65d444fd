package org.margin.governance.retention;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.store.StoreUnavailableException;

/**
 * What starts the expiry run: on Knative, the retention PingSource's daily event ({@value #SCHEDULE}, carrying no
 * institution); in local mode, which has no PingSource, a timer. Each run logs counts only.
 */
public final class RetentionSchedule {

    /** The type of the events a Knative PingSource sends. */
    public static final String SCHEDULE = "dev.knative.sources.ping";
    /** How often local mode's timer runs, as the PingSource does on Knative. */
    public static final Duration LOCAL_INTERVAL = Duration.ofDays(1);

    private static final System.Logger LOG = System.getLogger(RetentionSchedule.class.getName());

    private final RetentionRun run;

    public RetentionSchedule(RetentionRun run) {
        this.run = Objects.requireNonNull(run, "run");
    }

    /** The handler of the schedule's events: a run over every institution. */
    public CloudEventHandler handler() {
        return event -> runOnce();
    }

    /** Runs over every institution; a store outage asks the sender to retry later. */
    public EventOutcome runOnce() {
        try {
            List<RetentionRun.Report> reports = run.runAll();
            long deleted = reports.stream().mapToLong(RetentionRun.Report::total).sum();
            LOG.log(System.Logger.Level.INFO, "retention run: {0} institutions, {1} rows deleted", reports.size(),
                    deleted);
            return EventOutcome.accepted();
        } catch (StoreUnavailableException unavailable) {
            return EventOutcome.retryLater("The store is unavailable.", unavailable.retryAfter());
        }
    }

    /** Local mode's timer: the first run one interval after start-up, then every interval. */
    public LifecycleListener localTimer(Duration interval) {
        return new LifecycleListener() {
            private ScheduledExecutorService executor;

            @Override
            public synchronized void started(int port) {
                executor = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofVirtual().name("retention-run").factory());
                executor.scheduleAtFixedRate(this::runQuietly, interval.toMillis(), interval.toMillis(),
                        TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void draining() {
                if (executor != null) {
                    executor.shutdownNow();
                }
            }

            private void runQuietly() {
                try {
                    runOnce();
                } catch (RuntimeException failure) {
                    // A failed run must not cancel the schedule; the next one deletes the same rows.
                    LOG.log(System.Logger.Level.WARNING, "retention run failed: {0}", failure.getClass().getName());
                }
            }
        };
    }
}
