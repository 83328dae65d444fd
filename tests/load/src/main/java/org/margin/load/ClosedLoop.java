package org.margin.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * Requests {@code 0..count-1} from {@code concurrency} senders, each sending its next when its last is answered:
 * how many were accepted (202), how many were not, how long it all took and each answer's time, sorted.
 */
record ClosedLoop(int accepted, int other, double seconds, double[] answerMillis) {

    /** Sends them; {@code send} sends request {@code index} and returns its HTTP status. */
    static ClosedLoop run(int count, int concurrency, IntUnaryOperator send) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ConcurrentLinkedQueue<Double> answerMillis = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                int index = i;
                senders.submit(() -> {
                    try {
                        long sent = System.nanoTime();
                        int status = send.applyAsInt(index);
                        answerMillis.add((System.nanoTime() - sent) / 1e6);
                        (status == 202 ? accepted : other).incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        double[] sorted = answerMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new ClosedLoop(accepted.get(), other.get(), (System.nanoTime() - start) / 1e9, sorted);
    }

    double perSecond() {
        return accepted / seconds;
    }

    /** The answer time at {@code p} (0.5, 0.99), in milliseconds. */
    double answeredAt(double p) {
        return percentile(answerMillis, p);
    }

    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
