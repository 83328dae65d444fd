package org.margin.runtime.mcp.engine;

import java.util.function.Supplier;

/** A value computed on first use, so that start-up does no work that can wait; racing computations agree. */
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
            current = compute.get();
            value = current;
        }
        return current;
    }
}
