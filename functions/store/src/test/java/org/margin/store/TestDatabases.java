package org.margin.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.margin.store.local.LocalDatabase;

/** Embedded PostgreSQL clusters for tests, kept under target/ and started afresh for each test run. */
public final class TestDatabases {

    private static LocalDatabase shared;

    private TestDatabases() {
    }

    /** One database for every test of this JVM that only needs a migrated schema; tests keep apart by tenant. */
    public static synchronized LocalDatabase shared() {
        if (shared == null) {
            shared = LocalDatabase.start(fresh("shared"));
        }
        return shared;
    }

    /** An empty directory under target/test-databases, for a test that owns its own cluster. */
    public static Path fresh(String name) {
        Path directory = Path.of("target", "test-databases", name).toAbsolutePath();
        delete(directory);
        return directory;
    }

    /** A new JDBC session as the application role: a fresh connection, outside any pool. */
    public static Connection asApp(LocalDatabase database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.app().user(),
                database.app().password());
        connection.setSchema("margin");
        return connection;
    }

    /** A JDBC session as the owner, which row-level security does not bind: for checks across tenants. */
    public static Connection asOwner(LocalDatabase database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
        connection.setSchema("margin");
        return connection;
    }

    /** A JDBC session as the cluster's superuser. */
    public static Connection asSuperuser(LocalDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
    }

    public static void delete(Path directory) {
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
