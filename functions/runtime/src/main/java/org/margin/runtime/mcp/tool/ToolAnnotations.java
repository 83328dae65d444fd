package org.margin.runtime.mcp.tool;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * Hints about a tool's behaviour; {@code null} leaves a hint unset.
 */
public record ToolAnnotations(String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
                              Boolean openWorldHint) {

    /** A tool that only reads, always answers the same, and reaches nothing outside the server. */
    public static ToolAnnotations readOnly() {
        return new ToolAnnotations(null, true, false, true, false);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (title != null) {
            node.put("title", title);
        }
        if (readOnlyHint != null) {
            node.put("readOnlyHint", readOnlyHint);
        }
        if (destructiveHint != null) {
            node.put("destructiveHint", destructiveHint);
        }
        if (idempotentHint != null) {
            node.put("idempotentHint", idempotentHint);
        }
        if (openWorldHint != null) {
            node.put("openWorldHint", openWorldHint);
        }
        return node;
    }
}
