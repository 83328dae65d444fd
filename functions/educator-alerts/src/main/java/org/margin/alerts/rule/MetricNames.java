package org.margin.alerts.rule;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.margin.store.profile.Metric;

/**
 * Metrics by the names events and tools use (camelCase: {@code fleschReadingEase}), and the thresholds that make
 * sense for each: a rule whose threshold no text could cross, or every text crosses, is refused.
 */
public final class MetricNames {

    private record Range(double low, double high) {
    }

    private static final Map<Metric, String> NAMES = Arrays.stream(Metric.values())
            .collect(Collectors.toMap(Function.identity(), MetricNames::camelCase, (a, b) -> a,
                    () -> new EnumMap<>(Metric.class)));
    private static final Map<String, Metric> BY_NAME = Arrays.stream(Metric.values())
            .collect(Collectors.toUnmodifiableMap(NAMES::get, Function.identity()));
    private static final Map<Metric, Range> SANE = new EnumMap<>(Map.ofEntries(
            Map.entry(Metric.WORD_COUNT, new Range(0, 100_000)),
            Map.entry(Metric.SENTENCE_COUNT, new Range(0, 10_000)),
            Map.entry(Metric.CHARACTER_COUNT, new Range(0, 1_000_000)),
            Map.entry(Metric.SYLLABLE_COUNT, new Range(0, 200_000)),
            // Flesch Reading Ease tops out at 121.22 (one-syllable words, one-word sentences) and has no floor;
            // below -100 no prose lands.
            Map.entry(Metric.FLESCH_READING_EASE, new Range(-100, 121.22)),
            Map.entry(Metric.FLESCH_KINCAID_GRADE, new Range(-3.4, 40)),
            Map.entry(Metric.GUNNING_FOG, new Range(0, 40)),
            Map.entry(Metric.SMOG_INDEX, new Range(0, 40)),
            Map.entry(Metric.COLEMAN_LIAU_INDEX, new Range(-20, 40)),
            Map.entry(Metric.AUTOMATED_READABILITY_INDEX, new Range(-20, 40)),
            Map.entry(Metric.TYPE_TOKEN_RATIO, new Range(0, 1)),
            Map.entry(Metric.MTLD, new Range(0, 1_000)),
            Map.entry(Metric.SENTENCE_LENGTH_MEAN, new Range(0, 500)),
            Map.entry(Metric.SENTENCE_LENGTH_SD, new Range(0, 500))));

    private MetricNames() {
    }

    public static String wireName(Metric metric) {
        return NAMES.get(metric);
    }

    public static Optional<Metric> metric(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    /** Whether a threshold lies within the metric's range, ends included; never for NaN or infinities. */
    public static boolean saneThreshold(Metric metric, double threshold) {
        Range range = SANE.get(metric);
        return Double.isFinite(threshold) && threshold >= range.low() && threshold <= range.high();
    }

    /** The range as words for an error message: {@code between 0 and 1}. */
    public static String saneRange(Metric metric) {
        Range range = SANE.get(metric);
        return "between " + plain(range.low()) + " and " + plain(range.high());
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String camelCase(Metric metric) {
        String[] words = metric.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
