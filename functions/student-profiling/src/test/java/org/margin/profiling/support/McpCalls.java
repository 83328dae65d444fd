package org.margin.profiling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** 2026-07-28 (stateless) {@code tools/call} requests over real HTTP. */
public final class McpCalls {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATELESS = "2026-07-28";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The resource URI functions under test are configured with, and so their tokens' audience. */
    public static final String RESOURCE = "http://127.0.0.1/mcp";
    /** The issuer functions under test trust. */
    public static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    private static final String TOKEN = TOKENS.issue(DevTokens.Grant.service(RESOURCE, "profiling-test",
            List.of("profiles:read")));

    private final URI endpoint;
    private final String token;

    /** Calls made with a service's token, which every tool refuses to show a student to. */
    public McpCalls(int port) {
        this(URI.create("http://127.0.0.1:" + port + "/mcp"), TOKEN);
    }

    private McpCalls(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** The same endpoint, called with {@code token}. */
    public McpCalls as(String token) {
        return new McpCalls(endpoint, token);
    }

    /** A token for a person of an institution in this role, with the scope the profiling tools need. */
    public static String token(Role role, TenantId tenant, PersonId person) {
        return TOKENS.issue(DevTokens.Grant.person(RESOURCE, role, tenant.value(), person.value(),
                List.of("profiles:read")));
    }

    /** Local settings on a free port, trusting {@link #TOKENS}. */
    public static RuntimeSettings localSettings() {
        return RuntimeSettings.fromEnvironment(Map.of("PORT", "0")).withAccessTokens(TOKENS.settings(RESOURCE));
    }

    public static ObjectNode arguments() {
        return JSON.createObjectNode();
    }

    /** The JSON-RPC {@code result} of the call; fails on an HTTP status other than 200. */
    public JsonNode call(String tool, ObjectNode arguments) {
        HttpResponse<String> response = callAs(token, tool, arguments);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        if (answer.has("error")) {
            throw new AssertionError("JSON-RPC error: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** The raw response to a {@code tools/call} made with {@code token}. */
    public HttpResponse<String> callAs(String token, String tool, ObjectNode arguments) {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        ObjectNode params = body.putObject("params").put("name", tool);
        params.set("arguments", arguments);
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", STATELESS);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        return send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", STATELESS)
                .header("Authorization", "Bearer " + token)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** The tools as {@code tools/list} lists them. */
    public JsonNode listTools() {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/list");
        ObjectNode meta = body.putObject("params").putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", STATELESS);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", STATELESS)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Mcp-Method", "tools/list")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        return JSON.readTree(response.body()).path("result").path("tools");
    }

    /** The text of an error result. */
    public static String errorText(JsonNode result) {
        if (!result.path("isError").asBoolean(false)) {
            throw new AssertionError("not a tool error: " + result);
        }
        return result.path("content").path(0).path("text").asString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
