package org.margin.runtime.mcp.engine;

import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads request params, answering a typed invalid-params error for what is missing or mistyped. */
final class Params {

    private Params() {
    }

    static String requiredString(ObjectNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || !value.isString()) {
            throw new McpException(JsonRpcError.invalidParams("'" + name + "' must be a string"));
        }
        return value.asString();
    }

    static ObjectNode optionalObject(ObjectNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return Json.object();
        }
        if (!value.isObject()) {
            throw new McpException(JsonRpcError.invalidParams("'" + name + "' must be an object"));
        }
        return (ObjectNode) value;
    }

    /** Lists are served in one page, so any cursor is one this server never issued. */
    static void rejectCursor(ObjectNode params) {
        JsonNode cursor = params.get("cursor");
        if (cursor != null && !cursor.isNull()) {
            throw new McpException(JsonRpcError.invalidParams("unknown cursor"));
        }
    }
}
