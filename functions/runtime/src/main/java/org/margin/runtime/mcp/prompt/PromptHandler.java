package org.margin.runtime.mcp.prompt;

import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.PromptOutcome;

/** Builds a prompt's messages from its arguments (strings, in {@link RequestContext#arguments()}). */
@FunctionalInterface
public interface PromptHandler {

    PromptOutcome get(RequestContext context) throws Exception;
}
