package org.margin.access.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.margin.store.Store;
import org.margin.store.local.LocalDatabase;

/** One embedded PostgreSQL per test JVM, migrated, under target/test-databases/run-PID; tests keep apart by tenant. */
public final class TestDatabase {

    private static LocalDatabase shared;

    private TestDatabase() {
    }

    public static synchronized LocalDatabase shared() {
        if (shared == null) {
            Path directory = Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid(), "shared")
                    .toAbsolutePath();
            delete(directory);
            shared = LocalDatabase.start(directory);
        }
        return shared;
    }

    /** A store with timeouts for a machine other builds share, where a first SCRAM handshake can take a while. */
    public static Store.Builder store() {
        return shared().storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10));
    }

    /** A new JDBC session as the application role, outside any pool. */
    public static Connection asApp() throws SQLException {
        LocalDatabase database = shared();
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.app().user(),
                database.app().password());
        connection.setSchema("margin");
        return connection;
    }

    /** A new JDBC session as the schema owner, for looking at the server itself. */
    public static Connection asOwner() throws SQLException {
        LocalDatabase database = shared();
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
        connection.setSchema("margin");
        return connection;
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
