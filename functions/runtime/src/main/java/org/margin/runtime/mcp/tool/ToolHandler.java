package org.margin.runtime.mcp.tool;

import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolOutcome;

/** The code behind a tool. One handler serves both revisions. */
@FunctionalInterface
public interface ToolHandler {

    /**
     * Runs the tool; an exception becomes an internal error without details. When a 2025-11-25 client cancels the
     * call, the thread running it is interrupted: a handler that waits or blocks in I/O should let that end it.
     */
    ToolOutcome call(RequestContext context) throws Exception;
}
