package org.margin.store.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The writing-analysis figures kept per submission; each is one column of writing_metrics. */
public enum Metric {
    WORD_COUNT,
    SENTENCE_COUNT,
    CHARACTER_COUNT,
    SYLLABLE_COUNT,
    FLESCH_READING_EASE,
    FLESCH_KINCAID_GRADE,
    GUNNING_FOG,
    SMOG_INDEX,
    COLEMAN_LIAU_INDEX,
    AUTOMATED_READABILITY_INDEX,
    TYPE_TOKEN_RATIO,
    MTLD,
    SENTENCE_LENGTH_MEAN,
    SENTENCE_LENGTH_SD;

    /** The column that holds this figure. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A comma-separated SQL list with one entry per metric, in declaration order, made from its column name. */
    public static String eachColumn(Function<String, String> entry) {
        return Arrays.stream(values()).map(metric -> entry.apply(metric.column())).collect(Collectors.joining(", "));
    }
}
