package org.margin.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.LoopbackHttp;

/**
 * The Knative stop: a function process gets SIGTERM while a streaming response is half sent. The response must
 * complete, readiness must turn 503 meanwhile, and the process must exit 0 (or 1 when the grace period cuts a
 * request off).
 */
class SigtermTest {

    /** Long enough (4 s) for readiness to be seen turning 503 while the stream still runs, even on a busy machine. */
    private static final int TICKS = 16;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void aStreamInFlightCompletesAndTheProcessExitsZero() throws Exception {
        process = launch(20);
        LoopbackHttp http = new LoopbackHttp(awaitPort(process));
        HttpResponse<InputStream> response = http.client()
                .send(http.request("/mcp?ticks=" + TICKS, Map.of()).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.US_ASCII));
        List<String> ticks = new ArrayList<>();
        ticks.add(stream.readLine());

        process.destroy(); // SIGTERM

        assertThat(awaitReadiness(http, 503)).isEqualTo(503);
        for (String line = stream.readLine(); line != null; line = stream.readLine()) {
            ticks.add(line);
        }
        assertThat(ticks).containsExactlyElementsOf(
                IntStream.rangeClosed(1, TICKS).mapToObj(tick -> "tick " + tick).toList());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void aStreamOutlivingTheGracePeriodIsCutAndTheProcessExitsOne() throws Exception {
        process = launch(1);
        LoopbackHttp http = new LoopbackHttp(awaitPort(process));
        HttpResponse<InputStream> response = http.client()
                .send(http.request("/mcp?ticks=40", Map.of()).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.US_ASCII));
        assertThat(stream.readLine()).isEqualTo("tick 1");

        process.destroy();

        CompletableFuture<Integer> linesLeft = CompletableFuture.supplyAsync(() -> {
            int lines = 0;
            try {
                while (stream.readLine() != null) {
                    lines++;
                }
            } catch (IOException cut) {
                // the server closed the connection mid-stream: what a cut-off looks like
            }
            return lines;
        });
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(linesLeft.get(10, TimeUnit.SECONDS)).isLessThan(39);
    }

    private static Process launch(int graceSeconds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SlowFunctionMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("MARGIN_SHUTDOWN_GRACE_SECONDS", Integer.toString(graceSeconds));
        builder.environment().remove("K_SERVICE");
        return builder.start();
    }

    /** Reads the child's output until it says which port it took; keeps draining it afterwards. */
    private static int awaitPort(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("PORT ")) {
                Thread.ofVirtual().start(() -> discard(output));
                return Integer.parseInt(line.substring("PORT ".length()));
            }
        }
        throw new AssertionError("the function exited before listening, status " + process.exitValue());
    }

    private static void discard(BufferedReader output) {
        try {
            output.transferTo(Writer.nullWriter());
        } catch (IOException closed) {
            // the process is gone
        }
    }

    private static int awaitReadiness(LoopbackHttp http, int expected) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 200 && status != expected; attempt++) {
            status = http.get("/health/ready").statusCode();
            Thread.sleep(5);
        }
        return status;
    }
}
