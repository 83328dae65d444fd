package org.margin.runtime.mcp.protocol;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the MCP engine: tree model only, never data binding. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static byte[] bytes(tools.jackson.databind.JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
