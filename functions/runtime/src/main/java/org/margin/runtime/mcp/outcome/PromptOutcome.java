package org.margin.runtime.mcp.outcome;


/** How getting a prompt ends: its messages, or a request for the client's input. */
public sealed interface PromptOutcome permits PromptResult, InputRequired {
}
