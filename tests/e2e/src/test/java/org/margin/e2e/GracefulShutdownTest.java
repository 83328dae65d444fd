package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Knative removes a pod with SIGTERM: the function must finish what it has started, then exit 0. The slow request
 * here is a client that uploads its text slowly, so SIGTERM lands while the call is in flight.
 */
class GracefulShutdownTest {

    @Test
    void aRequestInFlightAtSigtermCompletesAndTheProcessThenExitsZero() throws Exception {
        FunctionProcess function = FunctionProcess.start("writing-analysis");
        try {
            byte[] body = McpHttp.statelessToolCall("analyze_writing", McpHttp.JSON.createObjectNode()
                            .put("text", "The tide came in slowly. We watched it from the dunes until dark. ".repeat(40)))
                    .toString().getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", function.port())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /mcp HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + function.port() + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Accept: application/json, text/event-stream\r\n"
                        + "MCP-Protocol-Version: 2026-07-28\r\n"
                        + "Mcp-Method: tools/call\r\n"
                        + "Mcp-Name: analyze_writing\r\n"
                        + "Authorization: Bearer " + McpHttp.TOKEN + "\r\n"
                        + "Content-Length: " + body.length + "\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                int half = body.length / 2;
                out.write(body, 0, half);
                out.flush();
                Thread.sleep(300);

                function.terminate();
                awaitNotReady(function);
                out.write(body, half, body.length - half);
                out.flush();

                String response = readAll(socket.getInputStream());
                assertThat(response).startsWith("HTTP/1.1 200");
                assertThat(response).contains("\"structuredContent\"");
            }
            assertThat(function.awaitExit(Duration.ofSeconds(30))).isZero();
        } finally {
            function.close();
        }
    }

    /** Readiness turns 503 once the drain has begun; until then the signal may still be on its way. */
    private static void awaitNotReady(FunctionProcess function) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                HttpResponse<String> ready = McpHttp.send(HttpRequest.newBuilder(function.uri("/health/ready")).build());
                if (ready.statusCode() == 503) {
                    return;
                }
            } catch (RuntimeException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("readiness never turned 503 after SIGTERM");
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
