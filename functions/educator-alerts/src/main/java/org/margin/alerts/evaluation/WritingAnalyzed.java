package org.margin.alerts.evaluation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.margin.store.profile.Metric;

/** The data of {@code org.margin.writing.analyzed.v1}. */
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

    /** The analysis figures, named as in the event. */
    public record Metrics(double wordCount, double sentenceCount, double characterCount, double syllableCount,
                          double fleschReadingEase, double fleschKincaidGrade, double gunningFog, double smogIndex,
                          double colemanLiauIndex, double automatedReadabilityIndex, double typeTokenRatio,
                          double mtld, double sentenceLengthMean, double sentenceLengthSd) {

        public double value(Metric metric) {
            return switch (metric) {
                case WORD_COUNT -> wordCount;
                case SENTENCE_COUNT -> sentenceCount;
                case CHARACTER_COUNT -> characterCount;
                case SYLLABLE_COUNT -> syllableCount;
                case FLESCH_READING_EASE -> fleschReadingEase;
                case FLESCH_KINCAID_GRADE -> fleschKincaidGrade;
                case GUNNING_FOG -> gunningFog;
                case SMOG_INDEX -> smogIndex;
                case COLEMAN_LIAU_INDEX -> colemanLiauIndex;
                case AUTOMATED_READABILITY_INDEX -> automatedReadabilityIndex;
                case TYPE_TOKEN_RATIO -> typeTokenRatio;
                case MTLD -> mtld;
                case SENTENCE_LENGTH_MEAN -> sentenceLengthMean;
                case SENTENCE_LENGTH_SD -> sentenceLengthSd;
            };
        }
    }
}
