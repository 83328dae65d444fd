package org.margin.runtime.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns names that arrive at run time (tool names, error kinds) into label values from a closed set, with the
 * per-label state {@code T} built once. A name is admitted when it was declared, or, if nothing was declared,
 * when it looks like an identifier and fewer than {@code capacity} names were admitted before; anything else
 * becomes the fallback. So a client that invents names can neither leak text into a label nor grow the series
 * without bound.
 */
final class BoundedLabels<T> {

    /** Tool names as MCP defines them (1–128 of letters, digits, {@code _ - .}); error kinds fit too. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final ConcurrentHashMap<String, T> admitted = new ConcurrentHashMap<>();
    private final Set<String> declared;
    private final int capacity;
    private final Function<String, T> factory;
    private final T fallback;

    /**
     * @param declared the only names to admit; empty to admit any identifier up to {@code capacity}
     * @param capacity the most names admitted when none are declared
     * @param factory  builds the state of an admitted name
     * @param fallback the state of every other name
     */
    BoundedLabels(Set<String> declared, int capacity, Function<String, T> factory, T fallback) {
        this.declared = Set.copyOf(declared);
        this.capacity = capacity;
        this.factory = factory;
        this.fallback = fallback;
    }

    T resolve(String name) {
        if (name == null) {
            return fallback;
        }
        T known = admitted.get(name);
        return known != null ? known : admit(name);
    }

    private T admit(String name) {
        boolean allowed = declared.isEmpty()
                ? admitted.size() < capacity && IDENTIFIER.matcher(name).matches()
                : declared.contains(name);
        return allowed ? admitted.computeIfAbsent(name, factory) : fallback;
    }
}
