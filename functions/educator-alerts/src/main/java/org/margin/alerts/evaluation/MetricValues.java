package org.margin.alerts.evaluation;

import java.util.OptionalDouble;

import org.margin.events.WritingAnalyzed;
import org.margin.store.profile.Metric;

/** A metric's figure in {@code writing.analyzed} data; MTLD is absent for a text too short to measure it. */
final class MetricValues {

    private MetricValues() {
    }

    static OptionalDouble of(WritingAnalyzed.Metrics metrics, Metric metric) {
        return switch (metric) {
            case WORD_COUNT -> OptionalDouble.of(metrics.wordCount());
            case SENTENCE_COUNT -> OptionalDouble.of(metrics.sentenceCount());
            case CHARACTER_COUNT -> OptionalDouble.of(metrics.characterCount());
            case SYLLABLE_COUNT -> OptionalDouble.of(metrics.syllableCount());
            case FLESCH_READING_EASE -> OptionalDouble.of(metrics.fleschReadingEase());
            case FLESCH_KINCAID_GRADE -> OptionalDouble.of(metrics.fleschKincaidGrade());
            case GUNNING_FOG -> OptionalDouble.of(metrics.gunningFog());
            case SMOG_INDEX -> OptionalDouble.of(metrics.smogIndex());
            case COLEMAN_LIAU_INDEX -> OptionalDouble.of(metrics.colemanLiauIndex());
            case AUTOMATED_READABILITY_INDEX -> OptionalDouble.of(metrics.automatedReadabilityIndex());
            case TYPE_TOKEN_RATIO -> OptionalDouble.of(metrics.typeTokenRatio());
            case MTLD -> metrics.mtld();
            case SENTENCE_LENGTH_MEAN -> OptionalDouble.of(metrics.sentenceLengthMean());
            case SENTENCE_LENGTH_SD -> OptionalDouble.of(metrics.sentenceLengthSd());
        };
    }
}
