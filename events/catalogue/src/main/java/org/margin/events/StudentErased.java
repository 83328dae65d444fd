package org.margin.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code org.margin.student.erased.v1}: every record about a student was erased. A consumer that keeps anything
 * about the pseudonym outside the store and the grid drops it.
 */
public record StudentErased(UUID institutionId, UUID studentId, Instant erasedAt) implements EventData {

    public StudentErased {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }

    @Override
    public EventType type() {
        return EventType.STUDENT_ERASED;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("institutionId", institutionId.toString());
        json.put("studentId", studentId.toString());
        json.put("erasedAt", erasedAt.toString());
        return json;
    }

    static StudentErased fromJson(JsonNode data) {
        return new StudentErased(Json.uuid(data, "institutionId"), Json.uuid(data, "studentId"),
                Json.instant(data, "erasedAt"));
    }
}
