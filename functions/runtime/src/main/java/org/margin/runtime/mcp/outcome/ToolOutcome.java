package org.margin.runtime.mcp.outcome;


/** How a tool call ends: a result, an error the model should see, or a request for the client's input. */
public sealed interface ToolOutcome permits ToolResult, ToolError, InputRequired {
}
