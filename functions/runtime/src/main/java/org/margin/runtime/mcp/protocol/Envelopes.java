package org.margin.runtime.mcp.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes JSON-RPC responses around result bytes, so precomputed results are copied, not re-serialised. */
public final class Envelopes {

    private static final byte[] RESULT_HEAD = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULT_MIDDLE = ",\"result\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = {'}'};

    private Envelopes() {
    }

    public static byte[] result(JsonNode id, byte[] result) {
        byte[] idBytes = Json.bytes(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                RESULT_HEAD.length + idBytes.length + RESULT_MIDDLE.length + result.length + 1);
        out.writeBytes(RESULT_HEAD);
        out.writeBytes(idBytes);
        out.writeBytes(RESULT_MIDDLE);
        out.writeBytes(result);
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** An error response; {@code id} is {@code null} when the request's id could not be read. */
    public static byte[] error(JsonNode id, JsonRpcError error) {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        if (id != null) {
            response.set("id", id);
        }
        response.set("error", error.toJson());
        return Json.bytes(response);
    }
}
