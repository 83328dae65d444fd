package org.margin.profiling.profile;

import java.util.Locale;
import java.util.Optional;

import org.margin.store.profile.Metric;

/** The wire names of the metrics: the camelCase field names of {@code org.margin.writing.analyzed.v1}. */
public final class MetricNames {

    private static final Metric[] METRICS = Metric.values();
    private static final String[] NAMES = new String[METRICS.length];

    static {
        for (Metric metric : METRICS) {
            NAMES[metric.ordinal()] = camelCase(metric.name());
        }
    }

    private MetricNames() {
    }

    public static String of(Metric metric) {
        return NAMES[metric.ordinal()];
    }

    public static Optional<Metric> metric(String name) {
        for (Metric metric : METRICS) {
            if (NAMES[metric.ordinal()].equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder(constant.length());
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
