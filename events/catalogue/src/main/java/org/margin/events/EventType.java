package org.margin.events;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The closed set of CloudEvent types Margin's functions exchange. The version is part of the type name; a change
 * that an existing consumer could not read is a new type ({@code ...v2}) with its own schema, never an edit.
 */
public enum EventType {

    SUBMISSION_CREATED("org.margin.submission.created.v1", "submission.created", SubmissionCreated.class,
            SubmissionCreated::fromJson),
    WRITING_ANALYZED("org.margin.writing.analyzed.v1", "writing.analyzed", WritingAnalyzed.class,
            WritingAnalyzed::fromJson),
    PROFILE_UPDATED("org.margin.profile.updated.v1", "profile.updated", ProfileUpdated.class,
            ProfileUpdated::fromJson),
    INTEGRITY_CHECKED("org.margin.integrity.checked.v1", "integrity.checked", IntegrityChecked.class,
            IntegrityChecked::fromJson),
    ALERT_RAISED("org.margin.alert.raised.v1", "alert.raised", AlertRaised.class,
            AlertRaised::fromJson),
    STUDENT_ERASED("org.margin.student.erased.v1", "student.erased", StudentErased.class,
            StudentErased::fromJson);

    private static final String SCHEMA_BASE = "https://schemas.margin.dev/events/";
    private static final String RESOURCE_BASE = "org/margin/events/schema/";
    private static final int VERSION = 1;

    private final String type;
    private final String name;
    private final Class<? extends EventData> dataClass;
    private final Function<JsonNode, ? extends EventData> reader;

    EventType(String type, String name, Class<? extends EventData> dataClass,
              Function<JsonNode, ? extends EventData> reader) {
        this.type = type;
        this.name = name;
        this.dataClass = dataClass;
        this.reader = reader;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code org.margin.submission.created.v1}. */
    public String type() {
        return type;
    }

    /** The short name, e.g. {@code submission.created}. */
    String shortName() {
        return name;
    }

    /** The CloudEvents {@code dataschema} attribute, also the schema's {@code $id}. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + name + "/v" + VERSION + ".json");
    }

    /** Where the schema lies on the class path (for {@link ClassLoader#getResource}). */
    public String schemaResource() {
        return RESOURCE_BASE + name + "/v" + VERSION + ".json";
    }

    /** The record that carries this type's data. */
    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The type whose CloudEvents {@code type} attribute is {@code type}, if it is one of ours. */
    public static Optional<EventType> of(String type) {
        for (EventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Builds the record from data that has passed this type's schema. */
    EventData read(JsonNode data) {
        return reader.apply(data);
    }
}
