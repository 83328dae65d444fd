package org.margin.governance.audit;

import java.util.Optional;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tools/call without arguments from {@code caller}: the request context the engine builds, until authentication
 * puts a caller into real requests.
 */
record CallerContext(Optional<Caller> caller) implements RequestContext {

    @Override
    public ObjectNode arguments() {
        return Json.object();
    }

    @Override
    public Optional<JsonNode> inputResponse(String key) {
        return Optional.empty();
    }

    @Override
    public ObjectNode state() {
        return Json.object();
    }

    @Override
    public boolean clientSupports(ClientCapability capability) {
        return false;
    }

    @Override
    public void progress(double progress, Double total, String message) {
    }

    @Override
    public void releaseConnection() {
    }

    @Override
    public void log(LogLevel level, String logger, JsonNode data) {
    }
}
