package org.margin.profiling.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.ToolHandler;
import org.margin.store.StoreUnavailableException;

import tools.jackson.databind.node.ObjectNode;

/** What the three tools share: their failure answers, in fixed words, and their schemas. */
final class ProfilingTools {

    static final String UNAVAILABLE = "The profiling service is temporarily unavailable. Please retry in a moment.";

    private ProfilingTools() {
    }

    /**
     * The handler, with bad arguments answered by what was wrong and an unreachable store by {@link #UNAVAILABLE}.
     * Nothing else is caught: any other failure is a defect, which the engine answers without details.
     */
    static ToolHandler guarded(ToolHandler handler) {
        return context -> {
            try {
                return handler.call(context);
            } catch (InvalidArgument invalid) {
                return new ToolError(invalid.getMessage());
            } catch (StoreUnavailableException unavailable) {
                return new ToolError(UNAVAILABLE);
            }
        };
    }

    static ObjectNode schema(String resource) {
        try (InputStream in = ProfilingTools.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
