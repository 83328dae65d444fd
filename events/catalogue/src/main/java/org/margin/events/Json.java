package org.margin.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading members of data that has already passed its schema, and the one mapper of the catalogue. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static UUID uuid(JsonNode data, String member) {
        return UUID.fromString(data.get(member).asString());
    }

    static Instant instant(JsonNode data, String member) {
        return Instant.parse(data.get(member).asString());
    }

    static String string(JsonNode data, String member) {
        return data.get(member).asString();
    }

    static int integer(JsonNode data, String member) {
        return data.get(member).asInt();
    }

    static double number(JsonNode data, String member) {
        return data.get(member).asDouble();
    }
}
