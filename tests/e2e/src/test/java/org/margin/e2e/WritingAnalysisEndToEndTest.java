package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The writing-analysis function's shipped jar, run as a process, called by real MCP clients over loopback. */
class WritingAnalysisEndToEndTest {

    private static final String ESSAY = """
            My name is Jonathan Okafor and I live at 42 Willow Crescent. Last summer my family drove to the \
            coast. We stayed in a small cabin near the water, and every morning I walked along the beach looking \
            for shells. My sister found a crab hiding under a rock. It pinched her finger, so she screamed and \
            dropped it back into the sand. You can email me at jonathan.okafor@example.org or call 555-867-5309.

            On the last day it rained. We played cards inside and listened to the storm. I think it was the best \
            holiday we have ever had, because we spent the whole time together.""";

    private static FunctionProcess function;

    @BeforeAll
    static void start() {
        function = FunctionProcess.start("writing-analysis");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        function.close();
    }

    @Test
    void theJavaSdkClientListsAndCallsAnalyzeWriting() {
        try (McpSyncClient client = sdkClient()) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
            assertThat(initialized.serverInfo().name()).isEqualTo("margin-writing-analysis");

            McpSchema.Tool tool = client.listTools().tools().stream()
                    .filter(t -> t.name().equals("analyze_writing")).findFirst().orElseThrow();
            assertThat(tool.outputSchema()).containsKey("properties");
            assertThat(tool.inputSchema()).containsEntry("required", java.util.List.of("text"));
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.annotations().destructiveHint()).isFalse();

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("analyze_writing",
                    Map.of("text", ESSAY)));
            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            @SuppressWarnings("unchecked")
            Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) structured.get("counts");
            assertThat(counts).containsEntry("paragraphs", 2);
            assertThat((Integer) counts.get("sentences")).isBetween(9, 10);
            @SuppressWarnings("unchecked")
            Map<String, Object> readability = (Map<String, Object>) structured.get("readability");
            assertThat(((Number) readability.get("fleschReadingEase")).doubleValue()).isBetween(60.0, 100.0);
            assertThat(result.content()).singleElement().isInstanceOfSatisfying(McpSchema.TextContent.class,
                    text -> assertThat(text.text()).contains("\"fleschKincaidGrade\""));
        }
    }

    @Test
    void emptyAndOversizeTextsAreToolErrorsThatSayWhy() {
        try (McpSyncClient client = sdkClient()) {
            client.initialize();
            McpSchema.CallToolResult empty = client.callTool(new McpSchema.CallToolRequest("analyze_writing",
                    Map.of("text", "  \n ")));
            assertThat(empty.isError()).isTrue();
            assertThat(textOf(empty)).contains("empty");

            McpSchema.CallToolResult oversize = client.callTool(new McpSchema.CallToolRequest("analyze_writing",
                    Map.of("text", "word ".repeat(20_001))));
            assertThat(oversize.isError()).isTrue();
            assertThat(textOf(oversize)).contains("100000");
        }
    }

    @Test
    void aStatelessClientCallsAnalyzeWritingWithOnlySomeSections() {
        ObjectNode arguments = McpHttp.JSON.createObjectNode();
        arguments.put("text", ESSAY);
        arguments.putObject("options").putArray("sections").add("vocabulary");
        HttpResponse<String> response = McpHttp.postStateless(function.uri("/mcp"), "analyze_writing",
                McpHttp.statelessToolCall("analyze_writing", arguments).toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = McpHttp.parse(response.body()).path("result");
        assertThat(result.path("resultType").asString()).isEqualTo("complete");
        JsonNode structured = result.path("structuredContent");
        assertThat(structured.propertyNames()).containsExactly("vocabulary");
        assertThat(structured.path("vocabulary").path("typeTokenRatio").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void argumentsOutsideTheInputSchemaAreRejectedWithoutA500() {
        ObjectNode arguments = McpHttp.JSON.createObjectNode();
        arguments.put("text", ESSAY);
        arguments.putObject("options").put("repeatedOpeningsLimit", 500);
        HttpResponse<String> response = McpHttp.postStateless(function.uri("/mcp"), "analyze_writing",
                McpHttp.statelessToolCall("analyze_writing", arguments).toString());

        assertThat(response.statusCode()).isBetween(200, 499);
        JsonNode body = McpHttp.parse(response.body());
        boolean protocolError = body.path("error").path("code").asInt() == -32602;
        boolean toolError = body.path("result").path("isError").asBoolean(false);
        assertThat(protocolError || toolError).as(response.body()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void malformedRequestsGetTheirStatusAndNeverA500() {
        String call = McpHttp.statelessToolCall("analyze_writing", McpHttp.JSON.createObjectNode().put("text", "Hi."))
                .toString();
        HttpResponse<String> malformed = McpHttp.postStateless(function.uri("/mcp"), "analyze_writing", "{\"jsonrpc\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(McpHttp.parse(malformed.body()).path("error").path("code").asInt()).isEqualTo(-32700);

        HttpResponse<String> notJsonRpc = McpHttp.postStateless(function.uri("/mcp"), "analyze_writing", "[1, 2]");
        assertThat(notJsonRpc.statusCode()).isEqualTo(400);

        HttpResponse<String> mismatchedName = McpHttp.postStateless(function.uri("/mcp"), "another_tool", call);
        assertThat(mismatchedName.statusCode()).isEqualTo(400);

        HttpResponse<String> foreignOrigin = McpHttp.send(HttpRequest.newBuilder(function.uri("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Origin", "https://attacker.example")
                .header("Authorization", "Bearer " + McpHttp.TOKEN)
                .header("MCP-Protocol-Version", McpHttp.STATELESS)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "analyze_writing")
                .POST(HttpRequest.BodyPublishers.ofString(call))
                .build());
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);

        HttpResponse<String> oversize = McpHttp.postStateless(function.uri("/mcp"), "analyze_writing",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"analyze_writing\","
                        + "\"arguments\":{\"text\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}}");
        assertThat(oversize.statusCode()).isEqualTo(413);

        HttpResponse<String> wrongType = McpHttp.send(HttpRequest.newBuilder(function.uri("/mcp"))
                .header("Content-Type", "text/plain")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + McpHttp.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(call))
                .build());
        assertThat(wrongType.statusCode()).isEqualTo(415);

        for (HttpResponse<String> response : List.of(malformed, notJsonRpc, mismatchedName, foreignOrigin, oversize,
                wrongType)) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private static String textOf(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .findFirst().orElse("");
    }

    private static McpSyncClient sdkClient() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + function.port())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + McpHttp.TOKEN))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }
}
