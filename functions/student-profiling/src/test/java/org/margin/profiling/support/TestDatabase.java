package org.margin.profiling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.margin.store.Store;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;

/**
 * One embedded PostgreSQL per test JVM, migrated, under target/test-databases/run-PID (overlapping runs in one
 * checkout keep apart); tests keep apart by tenant.
 */
public final class TestDatabase {

    private static LocalDatabase shared;
    private static Path directory;

    private TestDatabase() {
    }

    public static synchronized LocalDatabase shared() {
        if (shared == null) {
            directory = Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid(), "shared")
                    .toAbsolutePath();
            delete(directory);
            shared = LocalDatabase.start(directory);
        }
        return shared;
    }

    /** What a function built from its environment needs to reach the shared database. */
    public static synchronized Map<String, String> environment() {
        LocalDatabase database = shared();
        return LocalConnection.environment(directory, database.port());
    }

    /** A store with timeouts for a machine other builds share, where a first SCRAM handshake can take a while. */
    public static Store store() {
        return shared().storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
