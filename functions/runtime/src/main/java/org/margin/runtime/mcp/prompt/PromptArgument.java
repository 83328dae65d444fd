package org.margin.runtime.mcp.prompt;

import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/** A named string argument of a prompt. */
public record PromptArgument(String name, String description, boolean required) {

    public PromptArgument {
        Objects.requireNonNull(name, "name");
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name);
        if (description != null) {
            node.put("description", description);
        }
        node.put("required", required);
        return node;
    }
}
