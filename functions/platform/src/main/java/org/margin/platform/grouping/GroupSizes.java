package org.margin.platform.grouping;

import java.util.List;
import java.util.function.IntConsumer;

import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;

/**
 * The histogram of the groups a function's group commit writes (the store's {@code GroupCommit}): one shape for every
 * function that groups its statements, so an operator reads them alike. How large the groups grow tells how much the
 * grouping saves under the load of the moment.
 */
public final class GroupSizes {

    /** Up to 64, the most any function puts in one group. */
    private static final List<Long> BUCKETS = List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L);

    private GroupSizes() {
    }

    /**
     * @param name        the instrument, {@code margin.<function>.group.size}
     * @param unit        what one group holds, e.g. {@code {submission}}
     * @param description what was written or read together
     * @return what the group commit tells of each group's size
     */
    public static IntConsumer histogram(Meter meter, String name, String unit, String description) {
        LongHistogram sizes = meter.histogramBuilder(name).ofLongs()
                .setUnit(unit)
                .setDescription(description)
                .setExplicitBucketBoundariesAdvice(BUCKETS)
                .build();
        return sizes::record;
    }
}
