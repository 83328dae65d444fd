package org.margin.runtime.mcp.tool;

import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolOutcome;

/** The code behind a tool. One handler serves both revisions. */
@FunctionalInterface
public interface ToolHandler {

    /** Runs the tool; an exception becomes an internal error without details. */
    ToolOutcome call(RequestContext context) throws Exception;
}
