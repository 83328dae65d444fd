package org.margin.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.ToolCallingService;

import com.sun.net.httpserver.HttpServer;

/** Spans reach an OTLP/HTTP collector (a loopback stand-in) when an endpoint is configured. */
class OtlpExportTest {

    private record Received(String path, String contentType, String tenant, int bytes) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Tenant"), body.length));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void finishedSpansArePostedToTheCollectorBeforeTheRuntimeStops() {
        FunctionRuntime runtime = FunctionRuntime.builder()
                .service("otlp-under-test")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                        "OTEL_EXPORTER_OTLP_HEADERS", "x-tenant=margin")))
                .declareTools("analyze")
                .mcp(mount -> new ToolCallingService(mount.observer()))
                .build()
                .start();
        new LoopbackHttp(runtime.port()).post("/mcp", Map.of("X-Tool", "analyze"), "{}");
        assertThat(received).as("nothing is exported before the batch is due").isEmpty();

        runtime.stop();

        assertThat(received).singleElement().satisfies(export -> {
            assertThat(export.path()).isEqualTo("/v1/traces");
            assertThat(export.contentType()).isEqualTo("application/x-protobuf");
            assertThat(export.tenant()).isEqualTo("margin");
            assertThat(export.bytes()).isPositive();
        });
    }
}
