package org.margin.runtime.lifecycle;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * SIGTERM (Kubernetes stopping the pod) and SIGINT (Ctrl-C) as an event the process waits for, so that it can
 * drain and then exit with a status of its choosing.
 *
 * <p>The JVM's own handling of these signals runs the shutdown hooks and exits with 143: Kubernetes would record
 * a failure, and JUL's own hook may close the log handlers while the drain still logs. Handling the signals
 * (through {@code sun.misc.Signal}, the supported JDK API for this, in {@code jdk.unsupported}) keeps the order in
 * our hands. Where the JVM refuses the handlers ({@code -Xrs}), a shutdown hook does the same work and the exit
 * status is the JVM's.
 *
 * <p>Signal handlers belong to the process: install one per process, from its entry point.
 */
public final class TerminationSignal {

    private static final System.Logger LOG = System.getLogger(TerminationSignal.class.getName());

    private final CountDownLatch received = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String name = "none";
    private volatile boolean viaShutdownHook;

    private TerminationSignal() {
    }

    /** Starts listening for SIGTERM and SIGINT. */
    public static TerminationSignal install() {
        TerminationSignal signal = new TerminationSignal();
        try {
            Signal.handle(new Signal("TERM"), signal::receive);
            Signal.handle(new Signal("INT"), signal::receive);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.INFO, "Signal handlers refused by the JVM; draining from a shutdown hook instead");
            signal.viaShutdownHook = true;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(signal::awaitFinishFromHook));
        }
        return signal;
    }

    /**
     * Blocks until a termination signal arrives.
     *
     * @return the signal's name, e.g. {@code TERM}
     */
    public String await() throws InterruptedException {
        received.await();
        return name;
    }

    /**
     * Ends the process with {@code status}, to be called once the drain is done. Under a shutdown hook the JVM is
     * already exiting (with its own status) and this only lets it go on.
     */
    public void exit(int status) {
        finished.countDown();
        if (!viaShutdownHook) {
            System.exit(status);
        }
    }

    private void receive(Signal signal) {
        name = signal.getName();
        received.countDown();
    }

    private void awaitFinishFromHook() {
        name = "shutdown";
        received.countDown();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
