package org.margin.runtime.mcp.engine;

import java.util.function.Supplier;

/**
 * A value computed on first use, so that start-up does no work that can wait. Computed exactly once: a caller
 * that comes while another computes it (a request racing the start-up's preparation) waits for that result.
 */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = compute.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
