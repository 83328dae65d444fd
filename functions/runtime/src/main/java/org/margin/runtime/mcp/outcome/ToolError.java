package org.margin.runtime.mcp.outcome;

import java.util.Objects;

/**
 * A failure the tool reports to the model ({@code isError: true}), such as arguments it cannot work with.
 * The message goes to the client; it must not quote the user's text.
 */
public record ToolError(String message) implements ToolOutcome {

    public ToolError {
        Objects.requireNonNull(message, "message");
    }
}
