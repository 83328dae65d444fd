package org.margin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.margin.grid.support.FreePorts;

/**
 * A function's shipped jar running as its own process on a free loopback port, as Knative would run it. Its output
 * is kept so that tests can read what it logged.
 */
final class FunctionProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();
    private final Thread outputReader;

    private FunctionProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.outputReader = Thread.ofVirtual().start(() -> collect(process.getInputStream()));
    }

    /** Starts {@code functions/NAME/target/NAME.jar} with {@code env} added, and waits until it is ready. */
    static FunctionProcess start(String name, Map<String, String> env) {
        int port = FreePorts.base(1);
        Map<String, String> withPort = new HashMap<>(McpHttp.TOKENS.environment(McpHttp.RESOURCE));
        withPort.putAll(env);
        withPort.put("PORT", Integer.toString(port));
        return start(jar(name, name), List.of(), withPort, port, List.of(port));
    }

    /**
     * Starts the launcher ({@code ./margin dev}: the local broker on {@code base}, every function on the ports
     * after it, an embedded PostgreSQL and a Hazelcast member) with {@code env} added, and waits until every
     * function is ready.
     */
    static FunctionProcess launcher(Map<String, String> env, int base, int functions) {
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("MARGIN_LOCAL_PORT", Integer.toString(base));
        withPort.put("MARGIN_DEV_TOKENS", "enabled");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i <= functions; i++) {
            ports.add(base + i);
        }
        // The grid member's needs, as ./margin passes them.
        List<String> gridFlags = List.of("--add-modules", "java.se",
                "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
        return start(jar("launcher", "margin-launcher"), gridFlags, withPort, base, ports);
    }

    private static Path jar(String module, String name) {
        Path functions = Path.of(System.getProperty("margin.functions.dir", "../../functions"));
        Path jar = functions.resolve(module).resolve("target").resolve(name + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": build the function first (mvn install)");
        }
        return jar;
    }

    private static FunctionProcess start(Path jar, List<String> flags, Map<String, String> env, int port,
                                         List<Integer> readyPorts) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(flags);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            FunctionProcess function = new FunctionProcess(builder.start(), port);
            for (int readyPort : readyPorts) {
                function.awaitReady(readyPort);
            }
            return function;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FunctionProcess start(String name) {
        return start(name, Map.of());
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends SIGTERM, as Kubernetes does to a pod it removes. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end and returns its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the function did not exit within " + timeout);
        }
        outputReader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** Everything the process has written to stdout and stderr so far. */
    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady(int readyPort) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + readyPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the function exited with " + process.exitValue() + ":\n" + output);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Keep polling until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the function was not ready within " + READY_WITHIN + ":\n" + output);
    }

    private void collect(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // The process ended.
        }
    }
}
