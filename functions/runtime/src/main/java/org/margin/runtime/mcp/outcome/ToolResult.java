package org.margin.runtime.mcp.outcome;

import java.util.List;
import java.util.Objects;

import org.margin.runtime.mcp.content.Content;

import tools.jackson.databind.JsonNode;

/**
 * A successful tool result.
 *
 * @param content           the content blocks
 * @param structuredContent a JSON object conforming to the tool's output schema, or {@code null}; the engine
 *                          also sends it as a text block for clients that only read text
 */
public record ToolResult(List<Content> content, JsonNode structuredContent) implements ToolOutcome {

    public ToolResult {
        content = List.copyOf(Objects.requireNonNull(content, "content"));
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null);
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(Content.text(text)), null);
    }

    public static ToolResult structured(JsonNode structuredContent) {
        return new ToolResult(List.of(), Objects.requireNonNull(structuredContent, "structuredContent"));
    }
}
