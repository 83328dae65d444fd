package org.margin.governance;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.input.RequestContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call as the runtime hands it to a handler, with the caller that authentication would put there (until
 * it lands, the MCP endpoint authenticates no one, so tests give the caller here).
 */
public record CallerContext(ObjectNode arguments, Optional<Caller> caller) implements RequestContext {

    /** The administrator every administrator caller here names: the audit log records actions as a person's. */
    static final UUID ADMINISTRATOR = UUID.fromString("0191f3a0-0000-7000-8000-00000000ad01");

    static Caller administrator(UUID tenant, String... scopes) {
        return new Caller("admin-subject", Optional.of(tenant), Role.ADMINISTRATOR, Optional.of(ADMINISTRATOR),
                Set.of(scopes));
    }

    static Caller student(UUID tenant, UUID person, String... scopes) {
        return new Caller("student-subject", Optional.of(tenant), Role.STUDENT, Optional.of(person),
                Set.of(scopes));
    }

    static Caller educator(UUID tenant, UUID person, String... scopes) {
        return new Caller("educator-subject", Optional.of(tenant), Role.EDUCATOR, Optional.of(person),
                Set.of(scopes));
    }

    @Override
    public Optional<JsonNode> inputResponse(String key) {
        return Optional.empty();
    }

    @Override
    public ObjectNode state() {
        return org.margin.runtime.mcp.protocol.Json.object();
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
