package org.margin.analysis.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Over HTTP the runtime never hands a tool a request without a validated token (it refuses them first), so the
 * tools' own refusal is shown here, on a request context that names no caller.
 */
class AuthenticatedTest {

    private static final ToolOutcome ANSWERED = ToolResult.structured(Json.object().put("answered", true));

    @Test
    void aRequestWithoutACallerIsRefusedBeforeTheToolRuns() throws Exception {
        boolean[] ran = {false};
        ToolOutcome outcome = Authenticated.only(context -> {
            ran[0] = true;
            return ANSWERED;
        }).call(new Context(Optional.empty()));

        assertThat(outcome).isSameAs(Authenticated.REQUIRED);
        assertThat(ran[0]).isFalse();
    }

    @Test
    void anAuthenticatedCallerOfAnyRoleIsServed() throws Exception {
        for (Role role : Role.values()) {
            Caller caller = new Caller("subject", Optional.empty(), role, Optional.empty(), Set.of("analysis:run"));
            assertThat(Authenticated.only(context -> ANSWERED).call(new Context(Optional.of(caller))))
                    .isSameAs(ANSWERED);
        }
    }

    private record Context(Optional<Caller> caller) implements RequestContext {

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
}
