package org.margin.deadletters.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/** What the operator tools share: their schemas, read from resources beside them, and the store-outage answer. */
final class ToolSchemas {

    /** The answer when the store cannot be reached: fixed words, no detail. */
    static final ToolError UNAVAILABLE =
            new ToolError("The service is temporarily unavailable; please retry in a few seconds.");

    private ToolSchemas() {
    }

    static ObjectNode schema(String resource) {
        try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
