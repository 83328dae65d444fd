package org.margin.events;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code org.margin.alert.raised.v1}: a rule newly raised an alert about a student in a course, to
 * {@code alertCount} educators. {@code kind} is an identifier (e.g. {@code metric_threshold}), so no free text can
 * ride in it.
 */
public record AlertRaised(UUID institutionId, UUID courseId, UUID studentId, UUID ruleId, String kind,
                          int alertCount) implements EventData {

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public AlertRaised {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be a lower-case identifier");
        }
        if (alertCount < 0) {
            throw new IllegalArgumentException("alertCount cannot be negative");
        }
    }

    @Override
    public EventType type() {
        return EventType.ALERT_RAISED;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("institutionId", institutionId.toString());
        json.put("courseId", courseId.toString());
        json.put("studentId", studentId.toString());
        json.put("ruleId", ruleId.toString());
        json.put("kind", kind);
        json.put("alertCount", alertCount);
        return json;
    }

    static AlertRaised fromJson(JsonNode data) {
        return new AlertRaised(Json.uuid(data, "institutionId"), Json.uuid(data, "courseId"),
                Json.uuid(data, "studentId"), Json.uuid(data, "ruleId"), Json.string(data, "kind"),
                Json.integer(data, "alertCount"));
    }
}
