package org.margin.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.margin.runtime.auth.DevTokens;

/**
 * Measures cold start: from launching a function's process to its first successful {@code tools/call}.
 *
 * <p>Usage: {@code ColdStart RUNS PORT LABEL -- COMMAND...}; the command is started with {@code PORT} set, polled
 * with a stateless (2026-07-28) {@code tools/call} of {@code analyze_writing} until one succeeds, then stopped with
 * SIGTERM. Prints each run and the median, in milliseconds.
 */
public final class ColdStart {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final String CALL = """
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"analyze_writing",\
            "arguments":{"text":"The cat sat on the mat. It was a sunny day, and the children played outside."},\
            "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",\
            "io.modelcontextprotocol/clientCapabilities":{}}}}""";

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (args.length < 5 || separator != 3) {
            System.err.println("usage: ColdStart RUNS PORT LABEL -- COMMAND...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        String label = args[2];
        List<String> command = List.of(args).subList(separator + 1, args.length);

        // The function trusts an issuer made here, so the first call also pays for its first token check.
        String resource = "http://127.0.0.1/mcp";
        DevTokens issuer = DevTokens.generate("https://dev-auth.margin.test");
        Map<String, String> environment = issuer.environment(resource);
        String token = issuer.issue(DevTokens.Grant.service(resource, "cold-start", List.of("analysis:run")));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "analyze_writing")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(CALL))
                .build();
        warmUp(client, call);

        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Run measured = measureOnce(client, call, command, port, environment);
            millis.add(measured.millis());
            System.out.printf("%s run %d: %d ms (of which the first call %d ms; CPU %d ms)%n", label, run,
                    measured.millis(), measured.firstCallMillis(), measured.cpuMillis());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%s median_ms=%d min_ms=%d max_ms=%d runs=%d%n",
                label, sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), runs);
    }

    /** Loads the client's own classes so that they do not count against the function's start. */
    private static void warmUp(HttpClient client, HttpRequest call) {
        for (int i = 0; i < 3; i++) {
            try {
                client.send(call, HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException expected) {
                // Nothing listens yet: only the client's code paths are being loaded.
            }
        }
    }

    /**
     * One cold start: from launching the process to the first successful call, and how long that call took from its
     * own start (the first call's share).
     */
    private record Run(long millis, long firstCallMillis, long cpuMillis) {
    }

    /**
     * The CPU time the function's process used so far (user and system), from Linux's /proc in clock ticks of 10 ms;
     * -1 elsewhere.
     */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    private static Run measureOnce(HttpClient client, HttpRequest call, List<String> command, int port,
                                   Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < GIVE_UP_AFTER.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the function exited with " + process.exitValue()
                            + " before answering");
                }
                long attempt = System.nanoTime();
                if (succeeded(client, call)) {
                    long now = System.nanoTime();
                    return new Run(TimeUnit.NANOSECONDS.toMillis(now - start),
                            TimeUnit.NANOSECONDS.toMillis(now - attempt), cpuMillis(process.pid()));
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("no successful tools/call within " + GIVE_UP_AFTER);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean succeeded(HttpClient client, HttpRequest call) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(call, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"structuredContent\"");
        } catch (IOException notYetListening) {
            return false;
        }
    }
}
