package org.margin.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;

import tools.jackson.databind.node.ObjectNode;

/** 2026-07-28: the mirrored headers must agree with the body, and {@code _meta} must be complete. */
class StatelessRevisionTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        ObjectNode schema = Tool.noArguments();
        ((ObjectNode) schema.get("properties")).putObject("text").put("type", "string");
        schema.putArray("required").add("text");
        server = new TestServer(McpServer.builder().serverInfo("stateless", "1")
                .tool(Tool.builder("count").description("Counts characters").inputSchema(schema)
                        .handler(context -> ToolResult.text(String.valueOf(context.arguments().path("text").asString().length())))
                        .build())
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCompleteRequestGetsAResultWithItsResultType() {
        TestServer.Reply reply = server.stateless("tools/call", call("count", "hello"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.result().path("resultType").asString()).isEqualTo("complete");
        assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("5");
    }

    @Test
    void listsCarryCachingHints() {
        TestServer.Reply reply = server.stateless("tools/list", Json.object());
        assertThat(reply.result().path("ttlMs").isIntegralNumber()).isTrue();
        assertThat(reply.result().path("cacheScope").asString()).isIn("public", "private");
    }

    @Test
    void aMissingVersionHeaderIsAHeaderMismatch() {
        TestServer.Reply reply = server.post(TestServer.request(7, "tools/list", meta()), Map.of("Mcp-Method", "tools/list"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
        assertThat(reply.json().path("id").asInt()).isEqualTo(7);
    }

    @Test
    void aVersionHeaderThatContradictsMetaIsAHeaderMismatch() {
        ObjectNode params = meta();
        ((ObjectNode) params.get("_meta")).put("io.modelcontextprotocol/protocolVersion", "2099-01-01");
        TestServer.Reply reply = server.post(TestServer.request(1, "tools/list", params),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
    }

    @Test
    void anUnknownVersionIsUnsupportedAndListsTheSupportedOnes() {
        ObjectNode params = meta();
        ((ObjectNode) params.get("_meta")).put("io.modelcontextprotocol/protocolVersion", "2099-01-01");
        TestServer.Reply reply = server.post(TestServer.request(1, "tools/list", params),
                Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32022);
        assertThat(reply.json().path("error").path("data").path("requested").asString()).isEqualTo("2099-01-01");
        assertThat(reply.json().path("error").path("data").path("supported").toString()).contains("2026-07-28");
    }

    @Test
    void mcpMethodMustMatchTheBody() {
        TestServer.Reply reply = server.post(TestServer.request(1, "tools/list", meta()),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "prompts/list"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
    }

    @Test
    void mcpNameMustMatchTheBodyAndMayBeBase64() {
        ObjectNode params = call("count", "hi");
        params.setAll(meta());
        TestServer.Reply mismatch = server.post(TestServer.request(1, "tools/call", params),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "other"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorCode()).isEqualTo(-32020);

        TestServer.Reply missing = server.post(TestServer.request(1, "tools/call", params),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call"));
        assertThat(missing.errorCode()).isEqualTo(-32020);

        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("count".getBytes(StandardCharsets.UTF_8)) + "?=";
        TestServer.Reply decoded = server.post(TestServer.request(1, "tools/call", params),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", encoded));
        assertThat(decoded.status()).isEqualTo(200);

        TestServer.Reply broken = server.post(TestServer.request(1, "tools/call", params),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "=?base64?%%%?="));
        assertThat(broken.errorCode()).isEqualTo(-32020);
    }

    @Test
    void missingMetaIsInvalidParams() {
        TestServer.Reply reply = server.post(TestServer.request(1, "tools/list", Json.object()),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32602);
    }

    @Test
    void unknownAndRemovedMethodsAre404() {
        for (String method : new String[] {"no/such/method", "ping", "initialize", "logging/setLevel"}) {
            TestServer.Reply reply = server.stateless(method, Json.object());
            assertThat(reply.status()).as(method).isEqualTo(404);
            assertThat(reply.errorCode()).as(method).isEqualTo(-32601);
        }
    }

    @Test
    void argumentsThatBreakTheSchemaAreAToolErrorNamingTheProblemNotTheValue() {
        ObjectNode params = Json.object();
        params.put("name", "count");
        params.putObject("arguments").put("text", 12345);
        TestServer.Reply reply = server.stateless("tools/call", params);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().path("isError").asBoolean()).isTrue();
        String message = reply.result().path("content").get(0).path("text").asString();
        assertThat(message).contains("type").doesNotContain("12345");
    }

    @Test
    void anUnknownToolIsInvalidParams() {
        TestServer.Reply reply = server.stateless("tools/call", call("missing", "x"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32602);
    }

    @Test
    void notificationsAreAccepted() {
        TestServer.Reply reply = server.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "notifications/cancelled"));
        assertThat(reply.status()).isEqualTo(202);
    }

    private static ObjectNode call(String tool, String text) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.putObject("arguments").put("text", text);
        return params;
    }

    private static ObjectNode meta() {
        ObjectNode params = Json.object();
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        return params;
    }
}
