package org.margin.grid.warm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each key was read, for the hot-key list. Counts decay by half at every report, so the list follows
 * what is hot now while remembering what was hot a few reports ago. Bounded: once {@code capacity} keys are
 * counted, new ones wait until decay has dropped some, which is enough to find keys hot under a skewed load.
 */
public final class AccessCounts {

    private final int capacity;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public AccessCounts(int capacity) {
        this.capacity = capacity;
    }

    public void record(String key) {
        LongAdder count = counts.get(key);
        if (count == null) {
            if (counts.size() >= capacity) {
                return;
            }
            count = counts.computeIfAbsent(key, ignored -> new LongAdder());
        }
        count.increment();
    }

    /** The {@code limit} most read keys, most read first; then halves every count and forgets keys at zero. */
    public List<String> reportHottest(int limit) {
        List<String> hottest = counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> entry) -> entry.getValue().sum())
                        .reversed())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        counts.entrySet().removeIf(entry -> {
            LongAdder count = entry.getValue();
            // Not atomic with concurrent increments; a count off by a read or two does not change what is hot.
            count.add(-(count.sum() + 1) / 2);
            return count.sum() <= 0;
        });
        return hottest;
    }
}
