package org.margin.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.telemetry.ToolCallObserver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Structured results, notifications on the response stream, and what the observer sees of each call. */
class ToolResultsTest {

    private static final List<String> OBSERVED = new CopyOnWriteArrayList<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        ObjectNode output = Json.object().put("type", "object");
        output.putObject("properties").putObject("words").put("type", "integer");
        output.putArray("required").add("words");
        ToolCallObserver observer = toolName -> {
            OBSERVED.add("start " + toolName);
            return new ToolCallObserver.ToolCall() {
                @Override
                public void failed(String kind) {
                    OBSERVED.add("failed " + toolName + " " + kind);
                }

                @Override
                public void close() {
                    OBSERVED.add("end " + toolName);
                }
            };
        };
        server = new TestServer(McpServer.builder().serverInfo("results", "1").observer(observer)
                .tool(Tool.builder("structured").description("Counts").outputSchema(output)
                        .handler(context -> ToolResult.structured(Json.object().put("words", 3))).build())
                .tool(Tool.builder("lying").description("Breaks its schema").outputSchema(output)
                        .handler(context -> ToolResult.structured(Json.object().put("words", "three"))).build())
                .tool(Tool.builder("refusing").description("Refuses")
                        .handler(context -> new ToolError("Cannot analyse an empty text")).build())
                .tool(Tool.builder("chatty").description("Reports while it works").handler(context -> {
                    context.progress(1, 2.0, "half");
                    context.log(LogLevel.DEBUG, "chatty", Json.NODES.stringNode("detail"));
                    context.log(LogLevel.WARNING, "chatty", Json.NODES.stringNode("careful"));
                    return ToolResult.text("done");
                }).build())
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void structuredContentIsCheckedAndAlsoSentAsText() {
        OBSERVED.clear();
        JsonNode result = server.stateless("tools/call", Json.object().put("name", "structured")).result();
        assertThat(result.path("structuredContent").path("words").asInt()).isEqualTo(3);
        assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("{\"words\":3}");
        assertThat(OBSERVED).containsExactly("start structured", "end structured");
    }

    @Test
    void structuredContentThatBreaksTheOutputSchemaIsAnInternalErrorWithoutDetails() {
        OBSERVED.clear();
        TestServer.Reply reply = server.stateless("tools/call", Json.object().put("name", "lying"));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo(-32603);
        assertThat(reply.body()).doesNotContain("three");
        assertThat(OBSERVED).containsExactly("start lying", "failed lying invalid_output", "end lying");
    }

    @Test
    void aToolErrorIsAResultTheObserverCountsAsFailed() {
        OBSERVED.clear();
        JsonNode result = server.stateless("tools/call", Json.object().put("name", "refusing")).result();
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(OBSERVED).containsExactly("start refusing", "failed refusing tool_error", "end refusing");
    }

    @Test
    void withoutProgressTokenOrLogLevelTheResponseIsPlainJson() {
        TestServer.Reply reply = server.stateless("tools/call", Json.object().put("name", "chatty"));
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("done");
    }

    @Test
    void progressAndLogsTheClientAskedForArriveOnTheStreamBeforeTheResult() {
        ObjectNode params = Json.object().put("name", "chatty");
        ObjectNode meta = params.putObject("_meta");
        meta.put("progressToken", "p1");
        meta.put("io.modelcontextprotocol/logLevel", "info");
        TestServer.Reply reply = server.stateless("tools/call", params);
        assertThat(reply.contentType()).startsWith("text/event-stream");
        List<JsonNode> events = reply.body().lines().filter(line -> line.startsWith("data: "))
                .map(line -> Json.MAPPER.readTree(line.substring(6))).toList();
        assertThat(events).extracting(event -> event.path("method").asString(""))
                .containsExactly("notifications/progress", "notifications/message", "");
        assertThat(events.get(0).path("params").path("progressToken").asString()).isEqualTo("p1");
        assertThat(events.get(1).path("params").path("level").asString()).isEqualTo("warning");
        assertThat(events.get(2).path("result").path("resultType").asString()).isEqualTo("complete");
        assertThat(reply.body().lines().filter(line -> line.startsWith("id: ")).distinct().count()).isEqualTo(3);
    }
}
