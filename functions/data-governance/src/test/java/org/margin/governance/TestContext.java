package org.margin.governance;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.protocol.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A tool call's context as the engine would give it once authentication has validated a token. */
public final class TestContext implements RequestContext {

    private final Optional<Caller> caller;
    private final ObjectNode arguments;
    private final ObjectNode state;
    private final Map<String, JsonNode> responses;
    private final boolean elicitation;

    private TestContext(Optional<Caller> caller, ObjectNode arguments, ObjectNode state,
                        Map<String, JsonNode> responses, boolean elicitation) {
        this.caller = caller;
        this.arguments = arguments;
        this.state = state;
        this.responses = responses;
        this.elicitation = elicitation;
    }

    public static Caller caller(Role role, UUID tenant, Optional<UUID> person, String... scopes) {
        return new Caller("subject-" + UUID.randomUUID(), Optional.of(tenant), role, person, Set.of(scopes));
    }

    public static TestContext of(Caller caller, ObjectNode arguments) {
        return new TestContext(Optional.of(caller), arguments, Json.object(), Map.of(), true);
    }

    public static TestContext anonymous(ObjectNode arguments) {
        return new TestContext(Optional.empty(), arguments, Json.object(), Map.of(), true);
    }

    public TestContext withoutElicitation() {
        return new TestContext(caller, arguments, state, responses, false);
    }

    /** The next round: the state the handler returned and the client's answer to its request {@code key}. */
    public TestContext answered(ObjectNode state, String key, JsonNode response) {
        Map<String, JsonNode> answers = new HashMap<>(responses);
        answers.put(key, response);
        return new TestContext(caller, arguments, state, answers, elicitation);
    }

    @Override
    public ObjectNode arguments() {
        return arguments;
    }

    @Override
    public Optional<Caller> caller() {
        return caller;
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
        return capability == ClientCapability.ELICITATION && elicitation;
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
