package org.margin.profiling.recording;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.margin.store.profile.Metric;
import org.margin.store.profile.WritingMetrics;

/** The data of {@code org.margin.writing.analyzed.v1}: one submission's figures, under pseudonymous ids. */
public record WritingAnalyzed(UUID institutionId, UUID courseId, UUID submissionId, UUID studentId,
                              Instant submittedAt, Metrics metrics) {

    public WritingAnalyzed {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(metrics, "metrics");
    }

    public record Metrics(double wordCount, double sentenceCount, double characterCount, double syllableCount,
                          double fleschReadingEase, double fleschKincaidGrade, double gunningFog, double smogIndex,
                          double colemanLiauIndex, double automatedReadabilityIndex, double typeTokenRatio,
                          double mtld, double sentenceLengthMean, double sentenceLengthSd) {

        /** The store's form; throws {@link IllegalArgumentException} when a figure is not finite. */
        public WritingMetrics toWritingMetrics() {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            values.put(Metric.WORD_COUNT, wordCount);
            values.put(Metric.SENTENCE_COUNT, sentenceCount);
            values.put(Metric.CHARACTER_COUNT, characterCount);
            values.put(Metric.SYLLABLE_COUNT, syllableCount);
            values.put(Metric.FLESCH_READING_EASE, fleschReadingEase);
            values.put(Metric.FLESCH_KINCAID_GRADE, fleschKincaidGrade);
            values.put(Metric.GUNNING_FOG, gunningFog);
            values.put(Metric.SMOG_INDEX, smogIndex);
            values.put(Metric.COLEMAN_LIAU_INDEX, colemanLiauIndex);
            values.put(Metric.AUTOMATED_READABILITY_INDEX, automatedReadabilityIndex);
            values.put(Metric.TYPE_TOKEN_RATIO, typeTokenRatio);
            values.put(Metric.MTLD, mtld);
            values.put(Metric.SENTENCE_LENGTH_MEAN, sentenceLengthMean);
            values.put(Metric.SENTENCE_LENGTH_SD, sentenceLengthSd);
            return new WritingMetrics(values);
        }
    }
}
