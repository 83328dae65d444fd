package org.margin.governance.access;

import java.util.Optional;
import java.util.UUID;
import org.margin.runtime.mcp.protocol.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Arguments that the input schema has already checked, and schemas written beside the tools. */
public final class Arguments {

    /** A lower-case UUID pseudonym, as every id in Margin is. */
    public static final String PSEUDONYM_PATTERN =
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private Arguments() {
    }

    public static Optional<UUID> optionalId(ObjectNode arguments, String name) {
        JsonNode value = arguments.path(name);
        return value.isString() ? Optional.of(UUID.fromString(value.asString())) : Optional.empty();
    }

    public static Optional<String> optionalText(ObjectNode arguments, String name) {
        JsonNode value = arguments.path(name);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** A JSON Schema written as text; {@code PSEUDONYM} in it stands for {@link #PSEUDONYM_PATTERN}. */
    public static ObjectNode schema(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json.replace("PSEUDONYM", PSEUDONYM_PATTERN));
        } catch (RuntimeException malformed) {
            throw new IllegalStateException("a tool's schema is not JSON", malformed);
        }
    }
}
