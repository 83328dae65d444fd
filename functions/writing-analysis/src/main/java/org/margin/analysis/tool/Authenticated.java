package org.margin.analysis.tool;

import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.tool.ToolHandler;

/**
 * The writing tools work only on the text the caller sends and disclose no student's record, so they need no access
 * decision and leave no disclosure entry; they still serve only an authenticated caller (whose scope the engine has
 * checked), never an endpoint that authenticates no one.
 */
public final class Authenticated {

    /** Fixed words for a call without a validated access token. */
    public static final ToolError REQUIRED =
            new ToolError("Authentication is required: call this tool with an access token.");

    private Authenticated() {
    }

    /** {@code handler}, answered with {@link #REQUIRED} when the request names no caller. */
    public static ToolHandler only(ToolHandler handler) {
        return context -> context.caller().isPresent() ? handler.call(context) : REQUIRED;
    }
}
