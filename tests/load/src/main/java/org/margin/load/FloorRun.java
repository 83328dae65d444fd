package org.margin.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the floors measure one operation: {@code concurrency} virtual threads repeat it for a warm-up, then for the
 * measured time, counting what succeeded and what did not after the warm-up, with the machine's CPU over that time.
 */
record FloorRun(long succeeded, long failed, double seconds, double busyCoreSeconds, double coreSeconds) {

    /** One attempt of the operation measured; whether it did what it should. */
    interface Operation {
        boolean attempt() throws Exception;
    }

    static FloorRun measure(int concurrency, Duration warmUp, Duration measured, Operation operation)
            throws Exception {
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmUpEnd + measured.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int worker = 0; worker < concurrency; worker++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        boolean counted = System.nanoTime() >= warmUpEnd;
                        boolean done = operation.attempt();
                        if (counted) {
                            (done ? succeeded : failed).increment();
                        }
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } catch (Exception broken) {
                    throw new IllegalStateException("the measured operation failed", broken);
                }
            }));
        }
        Thread.sleep(Duration.ofNanos(warmUpEnd - System.nanoTime()));
        long started = System.nanoTime();
        MachineCpu before = MachineCpu.now();
        for (Thread worker : workers) {
            worker.join();
        }
        MachineCpu after = MachineCpu.now();
        return new FloorRun(succeeded.sum(), failed.sum(), (System.nanoTime() - started) / 1e9,
                after.busySecondsSince(before), after.coreSecondsSince(before));
    }

    double perSecond() {
        return succeeded / seconds;
    }

    /** The machine's CPU time per operation that succeeded, in microseconds. */
    double cpuMicrosEach() {
        return busyCoreSeconds * 1e6 / Math.max(1, succeeded);
    }
}
