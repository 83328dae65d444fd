package org.margin.runtime.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.margin.runtime.mcp.protocol.Json;

import io.helidon.webserver.WebServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An {@link McpServer} on an ephemeral loopback port, and the HTTP calls the tests make to it. */
final class TestServer implements AutoCloseable {

    static final String STATELESS = "2026-07-28";

    private final WebServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    TestServer(McpServer mcp) {
        this.server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.register("/mcp", mcp)).build().start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/mcp");
    }

    /** A 2026-07-28 request with the headers and {@code _meta} a conforming client sends. */
    Reply stateless(String method, ObjectNode params) {
        ObjectNode withMeta = params.deepCopy();
        ObjectNode meta = withMeta.has("_meta") ? (ObjectNode) withMeta.get("_meta") : withMeta.putObject("_meta");
        if (!meta.has("io.modelcontextprotocol/protocolVersion")) {
            meta.put("io.modelcontextprotocol/protocolVersion", STATELESS);
        }
        if (!meta.has("io.modelcontextprotocol/clientCapabilities")) {
            meta.putObject("io.modelcontextprotocol/clientCapabilities").putObject("elicitation");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", STATELESS);
        headers.put("Mcp-Method", method);
        if (withMeta.get("name") instanceof JsonNode name && name.isString()) {
            headers.put("Mcp-Name", name.asString());
        }
        return post(request(1, method, withMeta), headers);
    }

    static String request(int id, String method, ObjectNode params) {
        ObjectNode message = Json.object();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.set("params", params);
        return message.toString();
    }

    Reply post(String body, Map<String, String> headers) {
        return send(postRequest(body, headers));
    }

    HttpRequest postRequest(String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        headers.forEach(builder::setHeader);
        return builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    Reply send(HttpRequest request) {
        try {
            return reply(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** A request whose answer the test collects later, after doing something meanwhile. */
    CompletableFuture<Reply> sendLater(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(TestServer::reply);
    }

    /** A request whose response body the test reads line by line, as the server sends it. */
    CompletableFuture<HttpResponse<Stream<String>>> sendStreaming(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Mcp-Session-Id").orElse(null), response.body());
    }

    /** A POST written by hand, for headers the JDK client will not set (Host). */
    int rawStatus(String host, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nMCP-Protocol-Version: 2026-07-28\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** What came back. */
    record Reply(int status, String contentType, String sessionId, String body) {

        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        int errorCode() {
            return json().path("error").path("code").asInt();
        }

        JsonNode result() {
            return json().path("result");
        }
    }
}
