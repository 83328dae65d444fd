package org.margin.analysis.pii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Stateless (2026-07-28) MCP requests over real HTTP to a function on loopback. */
final class McpCalls {

    private static final String REVISION = "2026-07-28";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The resource URI the function under test is configured with, and so its tokens' audience. */
    static final String RESOURCE = "http://127.0.0.1/mcp";
    /** The issuer the function under test trusts. */
    static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    /** The institution the default caller, a service, acts for: reversible tokens are made for it. */
    static final UUID INSTITUTION = UUID.fromString("5c0c3a6e-9d1e-4c1b-8f3e-0a4b5c6d7e8f");
    private static final String TOKEN = TOKENS.issue(new DevTokens.Grant("writing-analysis-test", RESOURCE,
            Role.SERVICE, Optional.of(INSTITUTION), Optional.empty(), List.of("analysis:run", "pii:redact"),
            DevTokens.DEFAULT_LIFETIME));

    private final URI endpoint;

    McpCalls(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    /** The raw response to a {@code tools/call}. */
    HttpResponse<String> callRaw(String tool, ObjectNode arguments) {
        return callRawAs(TOKEN, tool, arguments);
    }

    /** The raw response to a {@code tools/call} made with {@code token}. */
    HttpResponse<String> callRawAs(String token, String tool, ObjectNode arguments) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.set("arguments", arguments);
        return post("tools/call", tool, params, token);
    }

    /** The {@code result} of a {@code tools/call}. */
    JsonNode call(String tool, ObjectNode arguments) {
        return callAs(TOKEN, tool, arguments);
    }

    /** The {@code result} of a {@code tools/call} made with {@code token}. */
    JsonNode callAs(String token, String tool, ObjectNode arguments) {
        return Json.MAPPER.readTree(callRawAs(token, tool, arguments).body()).path("result");
    }

    JsonNode listTools() {
        return listToolsAs(TOKEN);
    }

    JsonNode listToolsAs(String token) {
        return Json.MAPPER.readTree(post("tools/list", null, Json.object(), token).body()).path("result");
    }

    private HttpResponse<String> post(String method, String name, ObjectNode params, String token) {
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", REVISION);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        ObjectNode body = Json.object();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", method);
        body.set("params", params);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", REVISION)
                .header("Mcp-Method", method)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (name != null) {
            request.header("Mcp-Name", name);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
