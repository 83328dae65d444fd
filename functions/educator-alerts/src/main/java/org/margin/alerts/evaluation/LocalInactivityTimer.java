package org.margin.alerts.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.store.StoreException;
import org.margin.store.tenant.TenantId;

/**
 * Local mode's stand-in for the daily PingSource: runs the inactivity check for the listed institutions at a
 * fixed interval, the first run one interval after start-up. Institutions are listed because the store, under
 * row-level security, cannot list them for the application role.
 */
public final class LocalInactivityTimer implements LifecycleListener {

    /** Comma-separated institution pseudonyms whose inactivity rules the timer evaluates. */
    public static final String INSTITUTIONS = "MARGIN_ALERTS_LOCAL_INSTITUTIONS";

    private static final System.Logger LOG = System.getLogger(LocalInactivityTimer.class.getName());

    private final AlertEvaluator evaluator;
    private final List<TenantId> institutions;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public LocalInactivityTimer(AlertEvaluator evaluator, List<TenantId> institutions, Duration interval,
                                Clock clock) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.institutions = List.copyOf(institutions);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The institutions named by {@value #INSTITUTIONS}; none when it is unset. */
    public static List<TenantId> institutions(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                    .map(id -> new TenantId(UUID.fromString(id))).toList();
        } catch (IllegalArgumentException notUuids) {
            throw new IllegalArgumentException(INSTITUTIONS + " must list institution UUIDs, comma-separated");
        }
    }

    @Override
    public synchronized void started(int port) {
        if (institutions.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("inactivity-check").factory());
        executor.scheduleAtFixedRate(this::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void draining() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void checkAll() {
        LocalDate today = LocalDate.now(clock);
        for (TenantId institution : institutions) {
            try {
                int raised = evaluator.evaluateInactivity(institution, today).size();
                LOG.log(System.Logger.Level.DEBUG, "inactivity check raised {0} alert(s)", raised);
            } catch (StoreException failure) {
                LOG.log(System.Logger.Level.WARNING, "inactivity check failed: {0}", failure.getClass().getName());
            }
        }
    }
}
