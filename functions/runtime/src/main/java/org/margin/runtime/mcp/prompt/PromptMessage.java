package org.margin.runtime.mcp.prompt;

import java.util.Objects;

import org.margin.runtime.mcp.content.Content;
import org.margin.runtime.mcp.content.Role;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/** One message of a prompt. */
public record PromptMessage(Role role, Content content) {

    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("role", role.wire());
        node.set("content", content.toJson());
        return node;
    }
}
