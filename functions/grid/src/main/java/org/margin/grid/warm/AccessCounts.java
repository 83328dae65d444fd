package org.margin.grid.warm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each key was read since the last report, for the hot-key list. Bounded: once {@code capacity} keys
 * are counted, new ones are ignored until the next report, which is enough to find keys hot under a skewed load.
 */
public final class AccessCounts {

    private final int capacity;
    private volatile Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public AccessCounts(int capacity) {
        this.capacity = capacity;
    }

    public void record(String key) {
        Map<String, LongAdder> current = counts;
        LongAdder count = current.get(key);
        if (count == null) {
            if (current.size() >= capacity) {
                return;
            }
            count = current.computeIfAbsent(key, ignored -> new LongAdder());
        }
        count.increment();
    }

    /** The {@code limit} most read keys since the last call, most read first; starts counting afresh. */
    public List<String> drainHottest(int limit) {
        Map<String, LongAdder> drained = counts;
        counts = new ConcurrentHashMap<>();
        return drained.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> entry) -> entry.getValue().sum())
                        .reversed())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}
