package org.margin.runtime.mcp.transport;

import java.util.Optional;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.engine.Conversation;
import org.margin.runtime.mcp.engine.McpEngine;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.protocol.Envelopes;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.JsonRpcMessage;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.protocol.Revision;

import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves a 2026-07-28 request: everything the server needs travels in the request itself ({@code _meta} and
 * the mirrored headers, which must agree with the body), so any instance can serve it.
 */
final class StatelessExchange {

    private static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    private static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    private static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

    private final McpEngine engine;

    StatelessExchange(McpEngine engine) {
        this.engine = engine;
    }

    void serve(JsonRpcMessage message, Headers headers, ServerResponse response, Optional<Caller> caller) {
        switch (message) {
            case JsonRpcMessage.Notification ignored -> {
                response.status(Status.ACCEPTED_202);
                response.send();
            }
            case JsonRpcMessage.Response ignored -> throw new McpException(JsonRpcError.invalidRequest(
                    "revision 2026-07-28 sends no server-to-client requests, so there is nothing to answer"));
            case JsonRpcMessage.Request request -> serveRequest(request, headers, response, caller);
        }
    }

    private void serveRequest(JsonRpcMessage.Request request, Headers headers, ServerResponse response,
                              Optional<Caller> caller) {
        ResponseChannel channel = ResponseChannel.stateless(response, McpHeaders.accepts(headers, "text/event-stream"));
        byte[] reply;
        Status status = Status.OK_200;
        try {
            Conversation conversation = conversation(request, headers, channel, caller);
            reply = Envelopes.result(request.id(), engine.handle(request.method(), request.params(), conversation));
        } catch (McpException failed) {
            reply = Envelopes.error(request.id(), failed.error());
            status = Statuses.of(failed.error());
        }
        channel.finish(status, reply);
    }

    private static Conversation conversation(JsonRpcMessage.Request request, Headers headers, ResponseChannel channel,
                                             Optional<Caller> caller) {
        String versionHeader = McpHeaders.value(headers, McpHeaders.PROTOCOL_VERSION);
        if (versionHeader == null) {
            throw new McpException(JsonRpcError.headerMismatch("the MCP-Protocol-Version header is required"));
        }
        ObjectNode params = request.params();
        if (!(params.get("_meta") instanceof ObjectNode meta)) {
            throw new McpException(JsonRpcError.invalidParams("params._meta is required"));
        }
        if (!(meta.get(META_VERSION) instanceof JsonNode version) || !version.isString()) {
            throw new McpException(JsonRpcError.invalidParams("_meta['" + META_VERSION + "'] is required"));
        }
        if (!(meta.get(META_CAPABILITIES) instanceof JsonNode capabilities) || !capabilities.isObject()) {
            throw new McpException(JsonRpcError.invalidParams("_meta['" + META_CAPABILITIES + "'] must be an object"));
        }
        if (!versionHeader.equals(version.asString())) {
            throw new McpException(JsonRpcError.headerMismatch(
                    "MCP-Protocol-Version does not match _meta['" + META_VERSION + "']"));
        }
        if (Revision.of(versionHeader).filter(Revision::stateless).isEmpty()) {
            throw new McpException(JsonRpcError.unsupportedVersion(versionHeader));
        }
        checkMirroredHeaders(request, headers);
        LogLevel logThreshold = null;
        if (meta.get(META_LOG_LEVEL) instanceof JsonNode level) {
            logThreshold = LogLevel.of(level.asString(""))
                    .orElseThrow(() -> new McpException(JsonRpcError.invalidParams("unknown log level in _meta")));
        }
        return new Conversation(Revision.V2026_07_28, ClientCapability.declaredIn(capabilities),
                meta.get("progressToken"), logThreshold, null, channel, caller);
    }

    private static void checkMirroredHeaders(JsonRpcMessage.Request request, Headers headers) {
        String method = McpHeaders.value(headers, McpHeaders.METHOD);
        if (method == null) {
            throw new McpException(JsonRpcError.headerMismatch("the Mcp-Method header is required"));
        }
        if (!method.equals(request.method())) {
            throw new McpException(JsonRpcError.headerMismatch("Mcp-Method does not match the body's method"));
        }
        String nameMember = switch (request.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (nameMember == null || !(request.params().get(nameMember) instanceof JsonNode bodyName)
                || !bodyName.isString()) {
            return;
        }
        String header = McpHeaders.value(headers, McpHeaders.NAME);
        if (header == null) {
            throw new McpException(JsonRpcError.headerMismatch("the Mcp-Name header is required for " + request.method()));
        }
        String decoded;
        try {
            decoded = McpHeaders.decoded(header);
        } catch (IllegalArgumentException malformed) {
            throw new McpException(JsonRpcError.headerMismatch("Mcp-Name holds malformed base64"));
        }
        if (!decoded.equals(bodyName.asString())) {
            throw new McpException(JsonRpcError.headerMismatch("Mcp-Name does not match params." + nameMember));
        }
    }
}
