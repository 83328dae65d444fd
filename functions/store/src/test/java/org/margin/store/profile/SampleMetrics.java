package org.margin.store.profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Plausible writing metrics drawn from a seeded generator. */
public final class SampleMetrics {

    private SampleMetrics() {
    }

    public static WritingMetrics draw(RandomGenerator random) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, switch (metric) {
                case TYPE_TOKEN_RATIO -> 0.3 + 0.6 * random.nextDouble();
                case FLESCH_READING_EASE -> 20 + 70 * random.nextDouble();
                case WORD_COUNT, CHARACTER_COUNT, SYLLABLE_COUNT -> (double) (100 + random.nextInt(2000));
                default -> 1 + 20 * random.nextDouble();
            });
        }
        return new WritingMetrics(values);
    }

    public static WritingMetrics with(WritingMetrics base, Metric metric, double value) {
        Map<Metric, Double> values = new EnumMap<>(base.values());
        values.put(metric, value);
        return new WritingMetrics(values);
    }
}
