package org.margin.runtime.mcp.engine;

import java.util.Map;
import java.util.Optional;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One round of a handler's work: its arguments, the input it obtained so far, and the way to the client. */
final class HandlerContext implements RequestContext {

    private final ObjectNode arguments;
    private final Map<String, JsonNode> responses;
    private final ObjectNode state;
    private final Conversation conversation;

    HandlerContext(ObjectNode arguments, Map<String, JsonNode> responses, ObjectNode state, Conversation conversation) {
        this.arguments = arguments;
        this.responses = responses;
        this.state = state;
        this.conversation = conversation;
    }

    @Override
    public ObjectNode arguments() {
        return arguments;
    }

    @Override
    public Optional<Caller> caller() {
        return conversation.caller();
    }

    @Override
    public Optional<JsonNode> inputResponse(String key) {
        return Optional.ofNullable(responses.get(key));
    }

    @Override
    public ObjectNode state() {
        return state;
    }

    @Override
    public boolean clientSupports(ClientCapability capability) {
        return conversation.capabilities().contains(capability);
    }

    @Override
    public void progress(double progress, Double total, String message) {
        JsonNode token = conversation.progressToken();
        if (token == null) {
            return;
        }
        ObjectNode notification = Json.object();
        notification.put("jsonrpc", "2.0");
        notification.put("method", "notifications/progress");
        ObjectNode params = notification.putObject("params");
        params.set("progressToken", token);
        params.put("progress", progress);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", message);
        }
        conversation.channel().notify(notification);
    }

    @Override
    public void releaseConnection() {
        if (!conversation.stateless()) {
            conversation.channel().release();
        }
    }

    @Override
    public void log(LogLevel level, String logger, JsonNode data) {
        LogLevel threshold = conversation.logThreshold();
        if (threshold == null || level.compareTo(threshold) < 0) {
            return;
        }
        ObjectNode notification = Json.object();
        notification.put("jsonrpc", "2.0");
        notification.put("method", "notifications/message");
        ObjectNode params = notification.putObject("params");
        params.put("level", level.wire());
        if (logger != null) {
            params.put("logger", logger);
        }
        params.set("data", data);
        conversation.channel().notify(notification);
    }
}
