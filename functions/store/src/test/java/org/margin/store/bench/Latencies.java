package org.margin.store.bench;

import java.util.Arrays;

/** Recorded call durations and their order statistics (nearest-rank percentiles). */
final class Latencies {

    private final long[] nanos;
    private int count;
    private String cpu = "cpu/call: not measured";

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void add(long durationNanos) {
        nanos[count++] = durationNanos;
    }

    synchronized double percentileMillis(double fraction) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    synchronized void cpu(String perCall) {
        cpu = perCall;
    }

    synchronized String cpu() {
        return cpu;
    }

    synchronized int count() {
        return count;
    }

    String summary() {
        return String.format("n=%d  median=%.3f ms  p99=%.3f ms  max=%.3f ms",
                count(), percentileMillis(0.5), percentileMillis(0.99), percentileMillis(1.0));
    }
}
