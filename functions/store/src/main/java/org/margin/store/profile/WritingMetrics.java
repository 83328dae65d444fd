package org.margin.store.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One submission's analysis figures: a finite value for every {@link Metric}. */
public record WritingMetrics(Map<Metric, Double> values) {

    public WritingMetrics {
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        copy.putAll(values);
        for (Metric metric : Metric.values()) {
            Double value = copy.get(metric);
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(metric + " needs a finite value");
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    public double value(Metric metric) {
        return values.get(metric);
    }
}
