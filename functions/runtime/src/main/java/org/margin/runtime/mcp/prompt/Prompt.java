package org.margin.runtime.mcp.prompt;

import java.util.List;
import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A prompt template listed by {@code prompts/list}.
 *
 * @param name        unique name
 * @param title       display title, or {@code null}
 * @param description what it is for
 * @param arguments   its arguments
 * @param handler     builds its messages
 */
public record Prompt(String name, String title, String description, List<PromptArgument> arguments,
                     PromptHandler handler) {

    public Prompt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        Objects.requireNonNull(handler, "handler");
    }

    public static Prompt of(String name, String description, List<PromptArgument> arguments, PromptHandler handler) {
        return new Prompt(name, null, description, arguments, handler);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        node.put("description", description);
        if (!arguments.isEmpty()) {
            ArrayNode list = node.putArray("arguments");
            arguments.forEach(argument -> list.add(argument.toJson()));
        }
        return node;
    }
}
