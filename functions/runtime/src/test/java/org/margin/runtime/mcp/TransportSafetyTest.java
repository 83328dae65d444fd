package org.margin.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;

/** What every request must satisfy before any revision looks at it: each mistake gets a 4xx and says why. */
class TransportSafetyTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(McpServer.builder().serverInfo("safety", "1")
                .tool(Tool.builder("echo").description("Echoes").handler(context -> ToolResult.text("ok")).build())
                .maxRequestBytes(4096)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedJsonIsAParseError() {
        TestServer.Reply reply = server.post("{\"jsonrpc\":\"2.0\",", Map.of("MCP-Protocol-Version", "2026-07-28"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32700);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void batchesAreInvalidRequests() {
        TestServer.Reply reply = server.post("[" + TestServer.request(1, "tools/list", Json.object()) + "]",
                Map.of("MCP-Protocol-Version", "2026-07-28"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32600);
        assertThat(reply.json().path("error").path("message").asString()).contains("batches");
    }

    @Test
    void wrongJsonRpcShapesAreInvalidRequests() {
        for (String body : new String[] {
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\"}",
                "\"just a string\""}) {
            TestServer.Reply reply = server.post(body, Map.of("MCP-Protocol-Version", "2026-07-28"));
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).as(body).isEqualTo(-32600);
        }
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        String padding = "x".repeat(5000);
        TestServer.Reply reply = server.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"p\":\""
                + padding + "\"}}", Map.of());
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo(-32600);
    }

    @Test
    void onlyJsonBodiesAreAccepted() {
        TestServer.Reply reply = server.send(HttpRequest.newBuilder(server.uri())
                .header("Content-Type", "text/plain").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void aClientThatAcceptsNeitherJsonNorEventsIsRefused() {
        TestServer.Reply reply = server.post(TestServer.request(1, "tools/list", Json.object()), Map.of("Accept", "text/html"));
        assertThat(reply.status()).isEqualTo(406);
    }

    @Test
    void acceptAndContentTypeAreReadLikeHttpDoes() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        for (String accept : new String[] {"application/*;q=0.8", "*/*", "TEXT/EVENT-STREAM ; q=0.9", "text/html, application/json"}) {
            TestServer.Reply reply = server.post(body, Map.of("Accept", accept, "Content-Type", "Application/JSON; charset=utf-8",
                    "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
            assertThat(reply.status()).as(accept).isEqualTo(200);
        }
        TestServer.Reply jsonp = server.post(body, Map.of("Content-Type", "application/jsonp",
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
        assertThat(jsonp.status()).isEqualTo(415);
    }

    @Test
    void foreignOriginsAreForbidden() {
        TestServer.Reply reply = server.post(TestServer.request(1, "tools/list", Json.object()),
                Map.of("Origin", "http://evil.example.com"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().has("id")).isFalse();
    }

    @Test
    void loopbackOriginsPass() {
        TestServer.Reply reply = server.stateless("tools/list", Json.object());
        assertThat(reply.status()).isEqualTo(200);
        TestServer.Reply withOrigin = server.post(TestServer.request(1, "tools/list", Json.object()),
                Map.of("Origin", "http://localhost:3000"));
        assertThat(withOrigin.status()).isNotEqualTo(403);
    }

    @Test
    void foreignHostsAreForbidden() throws Exception {
        assertThat(server.rawStatus("evil.example.com", TestServer.request(1, "tools/list", Json.object()))).isEqualTo(403);
        assertThat(server.rawStatus("localhost:8080", TestServer.request(1, "tools/list", Json.object()))).isNotEqualTo(403);
    }

    @Test
    void configuredHostsReplaceTheLoopbackDefault() throws Exception {
        try (TestServer custom = new TestServer(McpServer.builder().serverInfo("custom", "1")
                .allowedHosts(Set.of("writing.margin.example")).build())) {
            assertThat(custom.rawStatus("writing.margin.example", "{}")).isNotEqualTo(403);
            assertThat(custom.rawStatus("localhost", "{}")).isEqualTo(403);
        }
    }

    @Test
    void getOffersNoStream() {
        TestServer.Reply reply = server.send(HttpRequest.newBuilder(server.uri())
                .header("Accept", "text/event-stream").GET().build());
        assertThat(reply.status()).isEqualTo(405);
    }
}
