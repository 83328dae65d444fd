package org.margin.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;

import tools.jackson.databind.node.ObjectNode;

/** The 2026-07-28 input round trip: requestState is signed, bound to its request, and expires. */
class RequestStateTest {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private static TestServer server;

    @BeforeAll
    static void start() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        server = new TestServer(McpServer.builder().serverInfo("state", "1")
                .requestStateSecret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .requestStateLifetime(Duration.ofMinutes(5))
                .clock(clock)
                .tool(asking("first"))
                .tool(asking("second"))
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Tool asking(String name) {
        return Tool.builder(name).description("Asks for a name").handler(context -> context.inputResponse("who")
                .<ToolOutcome>map(answer -> ToolResult.text("Hello " + context.state().path("greeting").asString()))
                .orElseGet(() -> new InputRequired(Map.of("who", new InputRequest.Elicitation("Name?", Json.object())),
                        Json.object().put("greeting", "there")))).build();
    }

    @Test
    void theStateComesBackToTheHandler() {
        String state = firstRound("first");
        TestServer.Reply reply = server.stateless("tools/call", retry("first", state));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("Hello there");
    }

    @Test
    void aTamperedStateIsRejected() {
        String state = firstRound("first");
        char flipped = state.charAt(3) == 'A' ? 'B' : 'A';
        String tampered = state.substring(0, 3) + flipped + state.substring(4);
        for (String forged : new String[] {tampered, state + "-TAMPERED", "no-dot", "a.b.c", ""}) {
            TestServer.Reply reply = server.stateless("tools/call", retry("first", forged));
            assertThat(reply.status()).as(forged).isEqualTo(400);
            assertThat(reply.errorCode()).as(forged).isEqualTo(-32602);
            assertThat(reply.body()).doesNotContain("Exception");
        }
    }

    @Test
    void aStateIsBoundToTheRequestThatIssuedIt() {
        String state = firstRound("first");
        TestServer.Reply reply = server.stateless("tools/call", retry("second", state));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32602);
    }

    @Test
    void anExpiredStateIsRejected() {
        String state = firstRound("first");
        Instant issued = NOW.get();
        NOW.set(issued.plus(Duration.ofMinutes(6)));
        try {
            TestServer.Reply reply = server.stateless("tools/call", retry("first", state));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo(-32602);
            assertThat(reply.json().path("error").path("message").asString()).contains("expired");
        } finally {
            NOW.set(issued);
        }
    }

    @Test
    void inputResponsesMustBeObjects() {
        ObjectNode params = Json.object().put("name", "first");
        params.putObject("inputResponses").put("who", 12345);
        assertThat(server.stateless("tools/call", params).errorCode()).isEqualTo(-32602);
        ObjectNode nullResponses = Json.object().put("name", "first");
        nullResponses.putNull("inputResponses");
        assertThat(server.stateless("tools/call", nullResponses).errorCode()).isEqualTo(-32602);
    }

    @Test
    void askingForInputTheClientCannotGiveIsAMissingCapability() {
        ObjectNode params = Json.object().put("name", "first");
        params.putObject("_meta").putObject("io.modelcontextprotocol/clientCapabilities");
        TestServer.Reply reply = server.stateless("tools/call", params);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32021);
        assertThat(reply.json().path("error").path("data").path("requiredCapabilities").has("elicitation")).isTrue();
    }

    private static String firstRound(String tool) {
        TestServer.Reply reply = server.stateless("tools/call", Json.object().put("name", tool));
        assertThat(reply.result().path("resultType").asString()).isEqualTo("input_required");
        return reply.result().path("requestState").asString();
    }

    private static ObjectNode retry(String tool, String state) {
        ObjectNode params = Json.object().put("name", tool).put("requestState", state);
        params.putObject("inputResponses").putObject("who").put("action", "accept");
        return params;
    }
}
