package org.margin.runtime.lifecycle;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The state of one runtime and the listeners that follow it. Transitions go one way: created, serving,
 * draining, stopped.
 */
public final class RuntimeLifecycle {

    private static final System.Logger LOG = System.getLogger(RuntimeLifecycle.class.getName());
    /** How long after the start {@link LifecycleListener#settled()} waits for a first request. */
    public static final Duration SETTLE_AFTER = Duration.ofSeconds(2);

    private final RequestGate gate;
    private final List<LifecycleListener> listeners;
    private volatile RuntimeState state = RuntimeState.CREATED;

    public RuntimeLifecycle(RequestGate gate, List<LifecycleListener> listeners) {
        this.gate = gate;
        this.listeners = List.copyOf(listeners);
    }

    public RuntimeState state() {
        return state;
    }

    /** The number of requests being served now. */
    public int inFlight() {
        return gate.inFlight();
    }

    /** Whether the runtime should be sent traffic. */
    public boolean ready() {
        return state == RuntimeState.SERVING;
    }

    /** The runtime is being started; see {@link LifecycleListener#preparing()}. */
    public void preparing() {
        notifyListeners(LifecycleListener::preparing);
    }

    /** The server listens on {@code port}. */
    public synchronized void serving(int port) {
        if (state != RuntimeState.CREATED) {
            throw new IllegalStateException("a runtime starts once; it is " + state);
        }
        state = RuntimeState.SERVING;
        notifyListeners(listener -> listener.started(port));
        gate.firstAnswered().toCompletableFuture()
                .completeOnTimeout(null, SETTLE_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                .thenRunAsync(this::settled, work -> Thread.ofVirtual().name("runtime-settled").start(work));
    }

    private void settled() {
        if (state == RuntimeState.SERVING) {
            notifyListeners(LifecycleListener::settled);
        }
    }

    /**
     * Refuses new requests and waits up to {@code grace} for those in flight; returns at once if already drained.
     *
     * @return how the wait ended
     */
    public DrainOutcome drain(Duration grace) throws InterruptedException {
        synchronized (this) {
            if (state != RuntimeState.SERVING) {
                return new DrainOutcome(gate.inFlight(), Duration.ZERO);
            }
            state = RuntimeState.DRAINING;
        }
        long start = System.nanoTime();
        gate.beginDraining();
        notifyListeners(LifecycleListener::draining);
        int abandoned = gate.awaitIdle(grace);
        return new DrainOutcome(abandoned, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The server no longer listens. */
    public synchronized void stopped() {
        if (state == RuntimeState.STOPPED) {
            return;
        }
        state = RuntimeState.STOPPED;
        notifyListeners(LifecycleListener::stopped);
    }

    private void notifyListeners(Consumer<LifecycleListener> event) {
        for (LifecycleListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "Lifecycle listener " + listener.getClass().getName() + " failed with "
                        + e.getClass().getName() + "; message withheld");
            }
        }
    }
}
