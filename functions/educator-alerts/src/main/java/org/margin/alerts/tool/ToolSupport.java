package org.margin.alerts.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.StoreUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the alert tools share: schemas from resources, pseudonym arguments, and the outage answer. */
final class ToolSupport {

    /** Fixed words: an outage says nothing of its cause. */
    static final String UNAVAILABLE = "The alerts service is temporarily unavailable. Please retry in a moment.";

    private ToolSupport() {
    }

    /** Runs a handler's work; a store outage becomes a tool error asking to retry. */
    static ToolOutcome unlessUnavailable(Supplier<ToolOutcome> work) {
        try {
            return work.get();
        } catch (StoreUnavailableException unavailable) {
            return new ToolError(UNAVAILABLE);
        }
    }

    /** A pseudonym argument that the input schema has already checked to be a UUID. */
    static UUID id(ObjectNode arguments, String name) {
        return UUID.fromString(arguments.path(name).asString());
    }

    static Optional<UUID> optionalId(ObjectNode arguments, String name) {
        JsonNode value = arguments.path(name);
        return value.isString() ? Optional.of(UUID.fromString(value.asString())) : Optional.empty();
    }

    static ObjectNode schema(String resource) {
        try (InputStream in = ToolSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
