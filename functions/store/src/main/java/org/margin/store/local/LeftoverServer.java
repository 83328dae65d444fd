package org.margin.store.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server left running on a cluster by a process that died without stopping it (a killed launcher): the embedded
 * server outlives its JVM, and a second one cannot start on the same cluster until the first is gone.
 */
final class LeftoverServer {

    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(60);

    private LeftoverServer() {
    }

    /** Stops the postmaster named by the cluster's postmaster.pid, when that process is still alive. */
    static void stopIfRunning(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        postmaster(pidFile).filter(ProcessHandle::isAlive).ifPresent(postmaster -> {
            // SIGTERM: PostgreSQL's smart shutdown, which a server whose clients all died completes at once.
            postmaster.destroy();
            try {
                postmaster.onExit().get(SHUTDOWN_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping a leftover server");
            } catch (ExecutionException | TimeoutException failure) {
                throw new IllegalStateException("a leftover server on " + cluster.getFileName()
                        + " did not stop within " + SHUTDOWN_PATIENCE.toSeconds() + " s");
            }
        });
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) {
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            if (!firstLine.matches("\\d+")) {
                return Optional.empty();
            }
            // A recycled pid may now belong to anything; only a postgres binary is stopped.
            return ProcessHandle.of(Long.parseLong(firstLine)).filter(process -> process.info().command()
                    .map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read " + pidFile, failure);
        }
    }
}
