package org.margin.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Builds the catalogue's CloudEvents for one function and reads them back.
 *
 * <pre>{@code
 * MarginEvents events = MarginEvents.forFunction("ingress");        // source urn:margin:ingress
 * CloudEvent event = events.create(new SubmissionCreated(...));
 *
 * switch (MarginEvents.read(event, SubmissionCreated.class)) {
 *     case EventRead.Valid<SubmissionCreated> valid -> handle(valid.data());
 *     case EventRead.Rejected<SubmissionCreated> rejected -> EventOutcome.rejected(rejected.detail());
 * }
 * }</pre>
 *
 * Every event gets a fresh UUID {@code id} (or the one given), {@code source urn:margin:<function>}, the type's
 * {@code dataschema}, {@code datacontenttype: application/json} and the clock's {@code time}; no extension.
 */
public final class MarginEvents {

    public static final String JSON = "application/json";

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final URI source;
    private final Clock clock;

    private MarginEvents(URI source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Events emitted by the function {@code functionName} (lower case letters, digits and dashes). */
    public static MarginEvents forFunction(String functionName) {
        return forFunction(functionName, Clock.systemUTC());
    }

    public static MarginEvents forFunction(String functionName, Clock clock) {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(clock, "clock");
        if (!FUNCTION_NAME.matcher(functionName).matches()) {
            throw new IllegalArgumentException("a function name is lower-case letters, digits and dashes");
        }
        return new MarginEvents(URI.create("urn:margin:" + functionName), clock);
    }

    /** The {@code source} attribute of this function's events. */
    public URI source() {
        return source;
    }

    /** A new event carrying {@code data}, with a random id. */
    public CloudEvent create(EventData data) {
        return create(data, UUID.randomUUID());
    }

    /**
     * A new event carrying {@code data}, with the id given: a function that derives the id from what caused the
     * event emits the same id when it handles a redelivery, so consumers drop the duplicate.
     */
    public CloudEvent create(EventData data, UUID id) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(id, "id");
        EventType type = data.type();
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type.type())
                .withDataSchema(type.dataSchema())
                .withDataContentType(JSON)
                .withTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .withData(Json.MAPPER.writeValueAsBytes(data.toJson()))
                .build();
    }

    /**
     * A new event carrying {@code data}, its id derived from its type and {@code cause} (what made it: a submission
     * id, a rule and its occasion), so that handling a redelivery emits the same id again and consumers drop the
     * duplicate.
     */
    public CloudEvent createFor(EventData data, String cause) {
        Objects.requireNonNull(cause, "cause");
        return create(data, UUID.nameUUIDFromBytes((data.type().shortName() + ":" + cause)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads {@code event} as whichever catalogue type it names. */
    public static EventRead<EventData> read(CloudEvent event) {
        Objects.requireNonNull(event, "event");
        return EventType.of(event.getType())
                .map(type -> read(event, type, EventData.class))
                .orElseGet(() -> new EventRead.Rejected<>(EventRead.Reason.UNKNOWN_TYPE,
                        "the event type is not in the catalogue"));
    }

    /** Reads {@code event} as the catalogue type whose data is {@code dataClass}; any other type is refused. */
    public static <D extends EventData> EventRead<D> read(CloudEvent event, Class<D> dataClass) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(dataClass, "dataClass");
        return EventType.of(event.getType())
                .filter(type -> dataClass.isAssignableFrom(type.dataClass()))
                .map(type -> read(event, type, dataClass))
                .orElseGet(() -> new EventRead.Rejected<>(EventRead.Reason.UNKNOWN_TYPE,
                        "the event type is not the one expected here"));
    }

    private static <D extends EventData> EventRead<D> read(CloudEvent event, EventType type, Class<D> dataClass) {
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            return rejected(EventRead.Reason.NOT_JSON_CONTENT, type.type() + " data must be application/json");
        }
        URI schema = event.getDataSchema();
        if (schema != null && !schema.equals(type.dataSchema())) {
            return rejected(EventRead.Reason.WRONG_SCHEMA, "the dataschema is not the one of " + type.type());
        }
        CloudEventData data = event.getData();
        if (data == null) {
            return rejected(EventRead.Reason.NO_DATA, type.type() + " carries no data");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(data.toBytes());
        } catch (JacksonException e) {
            return rejected(EventRead.Reason.MALFORMED_DATA, type.type() + " data is not JSON");
        }
        List<String> problems = SchemaCheck.problems(type, json);
        if (!problems.isEmpty()) {
            return rejected(EventRead.Reason.SCHEMA_VIOLATION,
                    type.type() + " data breaks its schema: " + String.join("; ", problems));
        }
        try {
            return new EventRead.Valid<>(type, dataClass.cast(type.read(json)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return rejected(EventRead.Reason.SCHEMA_VIOLATION, type.type() + " data holds an impossible value");
        }
    }

    /** The JSON Schema document of {@code type}, for publishing or for tools that check events of their own. */
    public static JsonNode schema(EventType type) {
        return SchemaCheck.document(type);
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equalsIgnoreCase(JSON);
    }

    private static <D extends EventData> EventRead<D> rejected(EventRead.Reason reason, String detail) {
        return new EventRead.Rejected<>(reason, detail);
    }
}
