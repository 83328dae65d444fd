package org.margin.runtime.mcp.protocol;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC error the engine answers with. Messages name what was wrong with the request, never the
 * content of arguments or results.
 *
 * @param code    JSON-RPC or MCP error code
 * @param message a short explanation for the client
 * @param data    optional structured detail, or {@code null}
 */
public record JsonRpcError(int code, String message, JsonNode data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** The client did not answer a server-to-client request in time (the code MCP SDKs use for timeouts). */
    public static final int REQUEST_TIMEOUT = -32001;
    public static final int HEADER_MISMATCH = -32020;
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    /** The 2025-11-25 code for an unknown resource; 2026-07-28 uses {@link #INVALID_PARAMS}. */
    public static final int RESOURCE_NOT_FOUND_2025 = -32002;

    public static JsonRpcError parseError(String why) {
        return new JsonRpcError(PARSE_ERROR, "Parse error: " + why, null);
    }

    public static JsonRpcError invalidRequest(String why) {
        return new JsonRpcError(INVALID_REQUEST, "Invalid request: " + why, null);
    }

    public static JsonRpcError methodNotFound(String method) {
        return new JsonRpcError(METHOD_NOT_FOUND, "Method not found: " + method, null);
    }

    public static JsonRpcError invalidParams(String why) {
        return new JsonRpcError(INVALID_PARAMS, "Invalid params: " + why, null);
    }

    public static JsonRpcError internal() {
        return new JsonRpcError(INTERNAL_ERROR, "Internal error", null);
    }

    public static JsonRpcError headerMismatch(String why) {
        return new JsonRpcError(HEADER_MISMATCH, "Header mismatch: " + why, null);
    }

    public static JsonRpcError missingCapabilities(List<String> capabilities) {
        ObjectNode required = Json.object();
        capabilities.forEach(required::putObject);
        ObjectNode data = Json.object();
        data.set("requiredCapabilities", required);
        return new JsonRpcError(MISSING_CLIENT_CAPABILITY,
                "Missing required client capability: " + String.join(", ", capabilities), data);
    }

    public static JsonRpcError unsupportedVersion(String requested) {
        ObjectNode data = Json.object();
        ArrayNode supported = data.putArray("supported");
        Revision.SUPPORTED.forEach(supported::add);
        data.put("requested", requested);
        return new JsonRpcError(UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data);
    }

    /** This error as the {@code error} member of a JSON-RPC response. */
    public ObjectNode toJson() {
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return error;
    }
}
