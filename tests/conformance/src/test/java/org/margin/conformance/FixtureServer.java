package org.margin.conformance;

import io.helidon.webserver.WebServer;

/** The conformance fixture served over real HTTP on an ephemeral loopback port. */
final class FixtureServer implements AutoCloseable {

    private final WebServer server;

    private FixtureServer(WebServer server) {
        this.server = server;
    }

    static FixtureServer start() {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register("/mcp", ConformanceFixture.server()))
                .build()
                .start();
        return new FixtureServer(server);
    }

    /** The MCP endpoint, addressed by a loopback IP so the DNS-rebinding scenario treats it as local. */
    String mcpUrl() {
        return "http://127.0.0.1:" + server.port() + "/mcp";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
