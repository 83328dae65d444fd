package org.margin.runtime.cloudevents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.rw.CloudEventRWException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

/**
 * Says why a request is not a CloudEvent, in words fit for the sender: attribute names from the specification,
 * never values (an event may carry a student's text) and never the SDK's messages (they quote values). Only runs
 * once the SDK has refused the request, so its cost is off the happy path.
 */
final class InvalidEvent {

    static final String SUPPORTED_MODES = "Send one event per request, in structured mode (Content-Type: "
            + "application/cloudevents+json) or in binary mode (headers ce-specversion, ce-id, ce-source, ce-type).";

    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");
    private static final Set<String> ATTRIBUTES = Set.of("specversion", "id", "source", "type", "datacontenttype",
            "dataschema", "subject", "time", "data", "data_base64");
    private static final Set<String> SPEC_VERSIONS = Set.of("1.0", "0.3");
    private static final String STRUCTURED = "application/cloudevents";
    private static final String BINARY_PREFIX = "ce-";

    private InvalidEvent() {
    }

    /** Why the SDK refused the request with {@code error}. */
    static String explain(Headers headers, byte[] body, RuntimeException error) {
        String contentType = headers.contains(HeaderNames.CONTENT_TYPE)
                ? headers.get(HeaderNames.CONTENT_TYPE).get().toLowerCase(Locale.ROOT) : "";
        if (contentType.startsWith(STRUCTURED + "-batch")) {
            return "Batched mode is not supported. " + SUPPORTED_MODES;
        }
        if (contentType.startsWith(STRUCTURED)) {
            return contentType.startsWith(STRUCTURED + "+json")
                    ? explainStructured(body, error)
                    : "Structured mode supports the JSON event format only. " + SUPPORTED_MODES;
        }
        HeaderName specVersion = HeaderNames.create(BINARY_PREFIX + "specversion");
        if (!headers.contains(specVersion)) {
            return "The request is not a CloudEvent. " + SUPPORTED_MODES;
        }
        return explainBinary(headers, error);
    }

    private static String explainStructured(byte[] body, RuntimeException error) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return "The body is not valid JSON.";
        }
        if (event == null || !event.isObject()) {
            return "A structured CloudEvent must be a JSON object.";
        }
        List<String> missing = new ArrayList<>();
        for (String attribute : REQUIRED) {
            JsonNode value = event.get(attribute);
            if (value == null || value.isNull()) {
                missing.add(attribute);
            } else if (!value.isTextual()) {
                return "The attribute '" + attribute + "' must be a string.";
            }
        }
        if (!missing.isEmpty()) {
            return missingAttributes(missing);
        }
        if (!SPEC_VERSIONS.contains(event.get("specversion").asText())) {
            return unsupportedSpecVersion();
        }
        if (event.has("data") && event.has("data_base64")) {
            return "An event has either 'data' or 'data_base64', not both.";
        }
        return invalidValue(error);
    }

    private static String explainBinary(Headers headers, RuntimeException error) {
        String version = headers.get(HeaderNames.create(BINARY_PREFIX + "specversion")).get().strip();
        if (!SPEC_VERSIONS.contains(version)) {
            return unsupportedSpecVersion();
        }
        List<String> missing = new ArrayList<>();
        for (String attribute : REQUIRED.subList(1, REQUIRED.size())) {
            if (!headers.contains(HeaderNames.create(BINARY_PREFIX + attribute))) {
                missing.add(attribute);
            }
        }
        return missing.isEmpty() ? invalidValue(error) : missingAttributes(missing);
    }

    private static String missingAttributes(List<String> missing) {
        StringJoiner names = new StringJoiner("', '", "'", "'");
        missing.forEach(names::add);
        return "Required attribute" + (missing.size() > 1 ? "s " : " ") + names + (missing.size() > 1 ? " are" : " is")
                + " missing.";
    }

    private static String unsupportedSpecVersion() {
        return "Unsupported specversion; this endpoint takes CloudEvents 1.0 (and 0.3).";
    }

    /**
     * The attribute the SDK named, when it is one of the specification's (its message quotes the name, then the
     * value: only a name we know is repeated).
     */
    private static String invalidValue(RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CloudEventRWException rw && rw.getMessage() != null) {
                String message = rw.getMessage();
                int open = message.indexOf('"');
                int close = open < 0 ? -1 : message.indexOf('"', open + 1);
                if (close > open && ATTRIBUTES.contains(message.substring(open + 1, close))) {
                    return "The attribute '" + message.substring(open + 1, close) + "' has an invalid value.";
                }
            }
        }
        return "An attribute has an invalid value: 'source' and 'dataschema' must be URI references, 'time' an "
                + "RFC 3339 timestamp, extension names lower-case letters and digits.";
    }

    /** Made on the first invalid structured event, not at start-up. */
    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
