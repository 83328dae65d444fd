package org.margin.governance.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/** What the governance tools share: their schemas, read from resources beside them, and fixed error answers. */
public final class Schemas {

    /** The answer when the store or the keys cannot be reached: fixed words, no detail. */
    public static final ToolError UNAVAILABLE =
            new ToolError("The service is temporarily unavailable; please retry in a few seconds.");

    private Schemas() {
    }

    /** The schema {@code resource} beside {@code tool}'s class. */
    public static ObjectNode schema(Class<?> tool, String resource) {
        try (InputStream in = tool.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
