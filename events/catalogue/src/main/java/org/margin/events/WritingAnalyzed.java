package org.margin.events;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code org.margin.writing.analyzed.v1}: the measures of one submission's text, without the text. */
public record WritingAnalyzed(UUID institutionId, UUID courseId, UUID submissionId, UUID studentId,
                              Instant submittedAt, Metrics metrics) implements EventData {

    public WritingAnalyzed {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Counts and readability measures. {@code mtld} is empty when the text is too short for the measure to mean
     * anything (it is {@code null} in JSON then).
     */
    public record Metrics(int wordCount, int sentenceCount, int characterCount, int syllableCount,
                          double fleschReadingEase, double fleschKincaidGrade, double gunningFog, double smogIndex,
                          double colemanLiauIndex, double automatedReadabilityIndex, double typeTokenRatio,
                          OptionalDouble mtld, double sentenceLengthMean, double sentenceLengthSd) {

        public Metrics {
            Objects.requireNonNull(mtld, "mtld");
            if (wordCount < 0 || sentenceCount < 0 || characterCount < 0 || syllableCount < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object();
            json.put("wordCount", wordCount);
            json.put("sentenceCount", sentenceCount);
            json.put("characterCount", characterCount);
            json.put("syllableCount", syllableCount);
            json.put("fleschReadingEase", fleschReadingEase);
            json.put("fleschKincaidGrade", fleschKincaidGrade);
            json.put("gunningFog", gunningFog);
            json.put("smogIndex", smogIndex);
            json.put("colemanLiauIndex", colemanLiauIndex);
            json.put("automatedReadabilityIndex", automatedReadabilityIndex);
            json.put("typeTokenRatio", typeTokenRatio);
            if (mtld.isPresent()) {
                json.put("mtld", mtld.getAsDouble());
            } else {
                json.putNull("mtld");
            }
            json.put("sentenceLengthMean", sentenceLengthMean);
            json.put("sentenceLengthSd", sentenceLengthSd);
            return json;
        }

        static Metrics fromJson(JsonNode json) {
            JsonNode mtld = json.get("mtld");
            return new Metrics(Json.integer(json, "wordCount"), Json.integer(json, "sentenceCount"),
                    Json.integer(json, "characterCount"), Json.integer(json, "syllableCount"),
                    Json.number(json, "fleschReadingEase"), Json.number(json, "fleschKincaidGrade"),
                    Json.number(json, "gunningFog"), Json.number(json, "smogIndex"),
                    Json.number(json, "colemanLiauIndex"), Json.number(json, "automatedReadabilityIndex"),
                    Json.number(json, "typeTokenRatio"),
                    mtld.isNull() ? OptionalDouble.empty() : OptionalDouble.of(mtld.asDouble()),
                    Json.number(json, "sentenceLengthMean"), Json.number(json, "sentenceLengthSd"));
        }
    }

    @Override
    public EventType type() {
        return EventType.WRITING_ANALYZED;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("institutionId", institutionId.toString());
        json.put("courseId", courseId.toString());
        json.put("submissionId", submissionId.toString());
        json.put("studentId", studentId.toString());
        json.put("submittedAt", submittedAt.toString());
        json.set("metrics", metrics.toJson());
        return json;
    }

    static WritingAnalyzed fromJson(JsonNode data) {
        return new WritingAnalyzed(Json.uuid(data, "institutionId"), Json.uuid(data, "courseId"),
                Json.uuid(data, "submissionId"), Json.uuid(data, "studentId"), Json.instant(data, "submittedAt"),
                Metrics.fromJson(data.get("metrics")));
    }
}
