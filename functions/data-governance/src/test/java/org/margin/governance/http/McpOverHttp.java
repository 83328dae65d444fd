package org.margin.governance.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.protocol.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** 2026-07-28 (stateless) {@code tools/call} requests over real HTTP, with tokens from {@link DevTokens}. */
final class McpOverHttp {

    static final String RESOURCE = "http://127.0.0.1/mcp";
    static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    private static final String STATELESS = "2026-07-28";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    McpOverHttp(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    /** Local settings on a free port, trusting {@link #TOKENS}. */
    static RuntimeSettings settings() {
        return RuntimeSettings.fromEnvironment(Map.of("PORT", "0")).withAccessTokens(TOKENS.settings(RESOURCE));
    }

    static String token(Role role, UUID tenant, UUID person, String... scopes) {
        return TOKENS.issue(DevTokens.Grant.person(RESOURCE, role, tenant, person, List.of(scopes)));
    }

    /** The raw response to a {@code tools/call} made with {@code token}. */
    HttpResponse<String> call(String token, String tool, ObjectNode arguments) {
        ObjectNode body = Json.object().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        ObjectNode params = body.putObject("params").put("name", tool);
        params.set("arguments", arguments);
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", STATELESS);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", STATELESS)
                .header("Authorization", "Bearer " + token)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON-RPC {@code result} of a call answered 200. */
    JsonNode result(String token, String tool, ObjectNode arguments) {
        HttpResponse<String> response = call(token, tool, arguments);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = Json.MAPPER.readTree(response.body());
        if (answer.has("error")) {
            throw new AssertionError("JSON-RPC error: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** The text of an error result. */
    static String errorText(JsonNode result) {
        if (!result.path("isError").asBoolean(false)) {
            throw new AssertionError("not a tool error: " + result);
        }
        return result.path("content").path(0).path("text").asString();
    }
}
