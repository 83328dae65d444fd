package org.margin.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.session.SessionState;
import org.margin.runtime.mcp.tool.Tool;

import tools.jackson.databind.node.ObjectNode;

/** 2025-11-25: the session lifecycle and its failures. */
class SessionRevisionTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(McpServer.builder().serverInfo("sessions", "1")
                .tool(Tool.builder("hello").description("Greets").handler(context -> ToolResult.text("hi")).build())
                .tool(Tool.builder("patient").description("Frees its connection while it works").handler(context -> {
                    context.releaseConnection();
                    Thread.sleep(100);
                    return ToolResult.text("finished");
                }).build())
                .tool(Tool.builder("broken").description("Fails").handler(context -> {
                    throw new IllegalStateException("secret user text must not leak");
                }).build())
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void initializeNegotiatesAndIssuesAnUnguessableSession() {
        TestServer.Reply first = initialize("2025-11-25");
        TestServer.Reply second = initialize("2025-11-25");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.result().path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(first.sessionId()).matches("[\\x21-\\x7E]{40,}").isNotEqualTo(second.sessionId());
        assertThat(initialize("1999-01-01").result().path("protocolVersion").asString()).isEqualTo("2025-11-25");
    }

    @Test
    void requestsWithinTheSessionAreServed() {
        String session = initialize("2025-11-25").sessionId();
        TestServer.Reply reply = server.post(TestServer.request(2, "tools/call", Json.object().put("name", "hello")),
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().has("resultType")).isFalse();
        assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("hi");
    }

    @Test
    void anUnknownSessionIs404() {
        TestServer.Reply reply = server.post(TestServer.request(2, "tools/list", Json.object()),
                Map.of("Mcp-Session-Id", "no-such-session", "MCP-Protocol-Version", "2025-11-25"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("id").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingSessionAfterInitializeIs400() {
        TestServer.Reply reply = server.post(TestServer.request(2, "tools/list", Json.object()),
                Map.of("MCP-Protocol-Version", "2025-11-25"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32600);
    }

    @Test
    void deleteEndsTheSession() {
        String session = initialize("2025-11-25").sessionId();
        TestServer.Reply deleted = server.send(HttpRequest.newBuilder(server.uri())
                .header("Mcp-Session-Id", session).DELETE().build());
        assertThat(deleted.status()).isEqualTo(200);
        TestServer.Reply after = server.post(TestServer.request(3, "ping", Json.object()),
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(after.status()).isEqualTo(404);
        TestServer.Reply again = server.send(HttpRequest.newBuilder(server.uri())
                .header("Mcp-Session-Id", session).DELETE().build());
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void aFailingHandlerIsAnInternalErrorWithoutDetails() {
        String session = initialize("2025-11-25").sessionId();
        TestServer.Reply reply = server.post(TestServer.request(4, "tools/call", Json.object().put("name", "broken")),
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(reply.errorCode()).isEqualTo(-32603);
        assertThat(reply.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void aStreamClosedEarlyIsResumedWithLastEventId() {
        String session = initialize("2025-11-25").sessionId();
        TestServer.Reply first = server.post(TestServer.request(5, "tools/call", Json.object().put("name", "patient")),
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(first.contentType()).startsWith("text/event-stream");
        assertThat(first.body()).contains("retry: ").doesNotContain("finished");
        String primingId = first.body().lines().filter(line -> line.startsWith("id: ")).findFirst().orElseThrow().substring(4);

        TestServer.Reply resumed = server.send(HttpRequest.newBuilder(server.uri())
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25").header("Last-Event-ID", primingId).GET().build());
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body()).contains("\"id\":5").contains("finished");

        TestServer.Reply unknown = server.send(HttpRequest.newBuilder(server.uri())
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("Last-Event-ID", "nosuchstream-3").GET().build());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aClientThatNeverAnswersTimesOutAndTheObserverSaysSo() {
        FailureKinds failures = new FailureKinds();
        try (TestServer asking = new TestServer(McpServer.builder().serverInfo("asking", "1").observer(failures)
                .inputReplyTimeout(Duration.ofMillis(200))
                .tool(Tool.builder("ask").description("Asks the user").handler(context -> context.inputResponse("name")
                        .<ToolOutcome>map(answer -> ToolResult.text("thanks"))
                        .orElseGet(() -> InputRequired.of("name", new InputRequest.Elicitation("Name?", Json.object()))))
                        .build())
                .build())) {
            ObjectNode params = Json.object().put("protocolVersion", "2025-11-25");
            params.putObject("capabilities").putObject("elicitation");
            params.putObject("clientInfo").put("name", "test").put("version", "1");
            String session = asking.post(TestServer.request(1, "initialize", params), Map.of()).sessionId();
            TestServer.Reply reply = asking.post(TestServer.request(2, "tools/call", Json.object().put("name", "ask")),
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
            assertThat(reply.contentType()).startsWith("text/event-stream");
            assertThat(reply.body()).contains("elicitation/create").contains("-32001");
            assertThat(failures.kinds()).containsExactly("timeout");
        }
    }

    @Test
    void sessionStateSurvivesTheTripThroughBytes() {
        SessionState state = new SessionState("abc", "2025-11-25", EnumSet.of(ClientCapability.SAMPLING),
                LogLevel.WARNING, Set.of("test://a", "test://b"), 1234L, "owner-digest");
        assertThat(SessionState.fromBytes(state.toBytes())).isEqualTo(state);
    }

    private static TestServer.Reply initialize(String version) {
        ObjectNode params = Json.object().put("protocolVersion", version);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "test").put("version", "1");
        return server.post(TestServer.request(1, "initialize", params), Map.of());
    }
}
