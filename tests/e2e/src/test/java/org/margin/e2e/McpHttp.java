package org.margin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.time.Duration;

import org.margin.runtime.auth.DevTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Raw MCP over HTTP, for what a client library hides: the 2026-07-28 revision, statuses, headers. */
final class McpHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String STATELESS = "2026-07-28";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private McpHttp() {
    }

    /** A 2026-07-28 {@code tools/call} of {@code tool} with {@code arguments}, as a JSON-RPC body. */
    static ObjectNode statelessToolCall(String tool, ObjectNode arguments) {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", "tools/call");
        ObjectNode params = body.putObject("params");
        params.put("name", tool);
        params.set("arguments", arguments);
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", STATELESS);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        return body;
    }

    /** Every scope of the functions' tools. */
    static final List<String> ALL_SCOPES = List.of("analysis:run", "pii:redact", "pii:resolve", "profiles:read",
            "alerts:read", "alerts:write", "integrity:read", "deadletters:admin", "roster:write", "consent:write", "consent:read",
            "audit:read", "data:export", "data:erase", "requests:write", "requests:read", "retention:admin");
    /** The resource URI a function started alone is configured with ({@link FunctionProcess#start}). */
    static final String RESOURCE = "http://127.0.0.1/mcp";
    /** The issuer a function started alone trusts. */
    static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    /** A token for a function started alone. */
    static final String TOKEN = TOKENS.issue(DevTokens.Grant.service(RESOURCE, "e2e", ALL_SCOPES));

    /** POSTs {@code body} to a function started alone, as {@link #postStateless(URI, String, String, String)}. */
    static HttpResponse<String> postStateless(URI uri, String tool, String body) {
        return postStateless(uri, tool, body, TOKEN);
    }

    /** POSTs {@code body} to {@code uri} with the headers a 2026-07-28 client sends for a tools/call. */
    static HttpResponse<String> postStateless(URI uri, String tool, String body, String token) {
        return send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", STATELESS)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
