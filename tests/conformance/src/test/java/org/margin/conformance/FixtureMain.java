package org.margin.conformance;

import io.helidon.webserver.WebServer;

/**
 * Serves the conformance fixture on a fixed loopback port until stopped, for running the suite or a load driver
 * by hand: {@code java -cp <test classpath> org.margin.conformance.FixtureMain 8931}.
 */
public final class FixtureMain {

    private FixtureMain() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8931;
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing.register("/mcp", ConformanceFixture.server()))
                .build()
                .start();
        System.out.println("MCP conformance fixture at http://127.0.0.1:" + server.port() + "/mcp");
    }
}
