package org.margin.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code org.margin.profile.updated.v1}: a student's writing profile in a course took in one more submission. */
public record ProfileUpdated(UUID institutionId, UUID courseId, UUID studentId, UUID submissionId,
                             int submissionCount, Instant lastSubmittedAt) implements EventData {

    public ProfileUpdated {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(lastSubmittedAt, "lastSubmittedAt");
        if (submissionCount < 1) {
            throw new IllegalArgumentException("a profile counts at least one submission");
        }
    }

    @Override
    public EventType type() {
        return EventType.PROFILE_UPDATED;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("institutionId", institutionId.toString());
        json.put("courseId", courseId.toString());
        json.put("studentId", studentId.toString());
        json.put("submissionId", submissionId.toString());
        json.put("submissionCount", submissionCount);
        json.put("lastSubmittedAt", lastSubmittedAt.toString());
        return json;
    }

    static ProfileUpdated fromJson(JsonNode data) {
        return new ProfileUpdated(Json.uuid(data, "institutionId"), Json.uuid(data, "courseId"),
                Json.uuid(data, "studentId"), Json.uuid(data, "submissionId"), Json.integer(data, "submissionCount"),
                Json.instant(data, "lastSubmittedAt"));
    }
}
