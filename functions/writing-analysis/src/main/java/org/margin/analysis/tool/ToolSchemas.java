package org.margin.analysis.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/** A tool's JSON Schema, read from a resource beside the class that declares the tool. */
public final class ToolSchemas {

    private ToolSchemas() {
    }

    public static ObjectNode load(Class<?> tool, String resource) {
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
