package org.margin.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code org.margin.integrity.checked.v1}: a submission was compared with the course's others; {@code finding} is
 * whether the best similarity reached the threshold.
 */
public record IntegrityChecked(UUID institutionId, UUID courseId, UUID submissionId, UUID studentId,
                               double threshold, boolean finding, List<Match> matches) implements EventData {

    public IntegrityChecked {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(studentId, "studentId");
        matches = List.copyOf(matches);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in [0, 1]");
        }
    }

    /** Another submission and its similarity in [0, 1]. */
    public record Match(UUID submissionId, double similarity) {

        public Match {
            Objects.requireNonNull(submissionId, "submissionId");
            if (!(similarity >= 0 && similarity <= 1)) {
                throw new IllegalArgumentException("similarity must lie in [0, 1]");
            }
        }
    }

    @Override
    public EventType type() {
        return EventType.INTEGRITY_CHECKED;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("institutionId", institutionId.toString());
        json.put("courseId", courseId.toString());
        json.put("submissionId", submissionId.toString());
        json.put("studentId", studentId.toString());
        json.put("threshold", threshold);
        json.put("finding", finding);
        ArrayNode array = json.putArray("matches");
        for (Match match : matches) {
            ObjectNode item = array.addObject();
            item.put("submissionId", match.submissionId().toString());
            item.put("similarity", match.similarity());
        }
        return json;
    }

    static IntegrityChecked fromJson(JsonNode data) {
        List<Match> matches = new ArrayList<>();
        for (JsonNode item : data.get("matches")) {
            matches.add(new Match(Json.uuid(item, "submissionId"), Json.number(item, "similarity")));
        }
        return new IntegrityChecked(Json.uuid(data, "institutionId"), Json.uuid(data, "courseId"),
                Json.uuid(data, "submissionId"), Json.uuid(data, "studentId"), Json.number(data, "threshold"),
                data.get("finding").asBoolean(), matches);
    }
}
