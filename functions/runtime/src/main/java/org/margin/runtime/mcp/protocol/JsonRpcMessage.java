package org.margin.runtime.mcp.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One JSON-RPC 2.0 message a client sent, checked for shape. */
public sealed interface JsonRpcMessage {

    /** A request: the client waits for the response with the same {@code id}. */
    record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {
    }

    /** A notification: nobody answers it. */
    record Notification(String method, ObjectNode params) implements JsonRpcMessage {
    }

    /** The client's response to a request the server sent. */
    record Response(JsonNode id, ObjectNode message) implements JsonRpcMessage {
    }

    /**
     * Classifies a parsed message.
     *
     * @throws McpException with invalid request when it is no JSON-RPC 2.0 request, notification or response
     */
    static JsonRpcMessage of(JsonNode node) {
        if (node.isArray()) {
            throw new McpException(JsonRpcError.invalidRequest("batches are not supported; send one message per request"));
        }
        if (!(node instanceof ObjectNode message)) {
            throw new McpException(JsonRpcError.invalidRequest("the body must be a JSON-RPC object"));
        }
        if (!"2.0".equals(message.path("jsonrpc").asString(null))) {
            throw new McpException(JsonRpcError.invalidRequest("'jsonrpc' must be \"2.0\""));
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isString() || id.isIntegralNumber())) {
            throw new McpException(JsonRpcError.invalidRequest("'id' must be a string or an integer"));
        }
        JsonNode method = message.get("method");
        if (method == null) {
            if (id != null && (message.has("result") || message.has("error"))) {
                return new Response(id, message);
            }
            throw new McpException(JsonRpcError.invalidRequest("a message needs a 'method', or an 'id' with a 'result' or 'error'"));
        }
        if (!method.isString()) {
            throw new McpException(JsonRpcError.invalidRequest("'method' must be a string"));
        }
        JsonNode params = message.get("params");
        ObjectNode paramsObject;
        if (params == null || params.isNull()) {
            paramsObject = Json.object();
        } else if (params instanceof ObjectNode object) {
            paramsObject = object;
        } else {
            throw new McpException(JsonRpcError.invalidRequest("'params' must be an object"));
        }
        return id == null
                ? new Notification(method.asString(), paramsObject)
                : new Request(id, method.asString(), paramsObject);
    }

    /** The id of a request for an error response, when the message got that far. */
    static JsonNode idOf(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("id") instanceof JsonNode id
                && (id.isString() || id.isIntegralNumber())) {
            return id;
        }
        return null;
    }
}
