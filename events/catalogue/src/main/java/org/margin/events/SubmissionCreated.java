package org.margin.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code org.margin.submission.created.v1}: a student's submission has been stored; its text stays in the store. */
public record SubmissionCreated(UUID institutionId, UUID courseId, UUID submissionId, UUID studentId,
                                Instant submittedAt, Lms lms) implements EventData {

    public SubmissionCreated {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(lms, "lms");
    }

    @Override
    public EventType type() {
        return EventType.SUBMISSION_CREATED;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("institutionId", institutionId.toString());
        json.put("courseId", courseId.toString());
        json.put("submissionId", submissionId.toString());
        json.put("studentId", studentId.toString());
        json.put("submittedAt", submittedAt.toString());
        json.put("lms", lms.wireName());
        return json;
    }

    static SubmissionCreated fromJson(JsonNode data) {
        return new SubmissionCreated(Json.uuid(data, "institutionId"), Json.uuid(data, "courseId"),
                Json.uuid(data, "submissionId"), Json.uuid(data, "studentId"), Json.instant(data, "submittedAt"),
                Lms.fromWireName(Json.string(data, "lms")).orElseThrow());
    }
}
