package org.margin.grid.session;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;

import io.helidon.webserver.WebServer;

/**
 * One function instance as the runtime builds it: a Helidon server with the MCP engine, its sessions in the grid
 * through its own grid client. Its tools greet, ask the user for a name, and work long after freeing their
 * connection.
 */
final class McpInstance implements AutoCloseable {

    static final String VERSION = "2025-11-25";

    private final Grid grid;
    private final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    McpInstance(LocalGrid members) {
        this.grid = TestGrids.trusted(TestGrids.instanceOf(members).build());
        McpServer mcp = McpServer.builder().serverInfo("grid-sessions", "1")
                .sessionStore(GridSessionStore.create(grid))
                .inputReplyTimeout(Duration.ofSeconds(20))
                .tool(Tool.builder("hello").description("Greets").handler(context -> ToolResult.text("hi")).build())
                .tool(Tool.builder("ask").description("Asks for a name").handler(context -> context.inputResponse("who")
                        .<ToolOutcome>map(answer -> ToolResult.text("Hello " + answer.path("content").path("name")
                                .asString()))
                        .orElseGet(() -> InputRequired.of("who", new InputRequest.Elicitation("Name?", Json.object()))))
                        .build())
                .tool(Tool.builder("patient").description("Frees its connection, then works").handler(context -> {
                    context.log(LogLevel.INFO, "patient", Json.MAPPER.getNodeFactory().stringNode("started"));
                    context.releaseConnection();
                    Thread.sleep(1_500);
                    return ToolResult.text("finished");
                }).build())
                .build();
        this.server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register("/mcp", mcp)).build().start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/mcp");
    }

    static String request(int id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }

    /** A POST; {@code session} may be null for initialize. */
    HttpResponse<String> post(String session, String body) {
        return send(postRequest(session, body), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST whose SSE response is read line by line as it arrives. */
    Iterator<String> stream(String session, String body) {
        HttpResponse<Stream<String>> response = send(postRequest(session, body), HttpResponse.BodyHandlers.ofLines());
        return response.body().iterator();
    }

    /** A GET that resumes a stream after {@code lastEventId}. */
    HttpResponse<String> resume(String session, String lastEventId) {
        return send(HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", VERSION).header("Last-Event-ID", lastEventId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String session) {
        return send(HttpRequest.newBuilder(uri()).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", VERSION).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String session, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", VERSION);
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        return builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public void close() {
        server.stop();
        grid.close();
    }
}
