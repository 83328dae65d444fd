package org.margin.conformance;

import java.time.Duration;
import java.util.Map;

import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.mcp.tool.Tool;

/** The conformance fixture served by the function runtime, as a function would be, over real HTTP. */
final class FixtureServer implements AutoCloseable {

    private final FunctionRuntime runtime;

    private FixtureServer(FunctionRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts the fixture on {@code port}; 0 picks a free one. */
    static FixtureServer start(int port) {
        FunctionRuntime runtime = FunctionRuntime.builder()
                .service("margin-conformance-fixture", "0.1.0")
                .settings(RuntimeSettings.fromEnvironment(Map.of()).withPort(port).withShutdownGrace(Duration.ZERO))
                .mcp(ConformanceFixture::server)
                .declareTools(ConformanceFixture.tools().stream().map(Tool::name).toArray(String[]::new))
                .build()
                .start();
        return new FixtureServer(runtime);
    }

    static FixtureServer start() {
        return start(0);
    }

    /** The MCP endpoint, addressed by a loopback IP so the DNS-rebinding scenario treats it as local. */
    String mcpUrl() {
        return baseUrl() + "/mcp";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + runtime.port();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
