package org.margin.runtime.mcp.outcome;

import java.util.List;
import java.util.Objects;

import org.margin.runtime.mcp.prompt.PromptMessage;

/**
 * A prompt's messages.
 *
 * @param description what the prompt is for, or {@code null}
 * @param messages    the messages
 */
public record PromptResult(String description, List<PromptMessage> messages) implements PromptOutcome {

    public PromptResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }

    public static PromptResult of(PromptMessage... messages) {
        return new PromptResult(null, List.of(messages));
    }
}
