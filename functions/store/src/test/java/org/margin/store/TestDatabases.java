package org.margin.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.margin.store.local.LocalDatabase;

/** Embedded PostgreSQL clusters for tests, kept under target/ and started afresh for each test run. */
public final class TestDatabases {

    private static final Path RUN_DIRECTORY =
            Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid()).toAbsolutePath();

    private static LocalDatabase shared;
    private static boolean runDirectoryPrepared;

    private TestDatabases() {
    }

    /** One database for every test of this JVM that only needs a migrated schema; tests keep apart by tenant. */
    public static synchronized LocalDatabase shared() {
        if (shared == null) {
            shared = LocalDatabase.start(fresh("shared"));
        }
        return shared;
    }

    /**
     * An empty directory for a test that owns its own cluster, under target/test-databases/run-PID: test runs of
     * this module may overlap in one checkout, and each keeps to its own folder. Folders of finished runs go.
     */
    public static synchronized Path fresh(String name) {
        if (!runDirectoryPrepared) {
            removeFinishedRuns();
            runDirectoryPrepared = true;
        }
        Path directory = RUN_DIRECTORY.resolve(name);
        delete(directory);
        return directory;
    }

    private static void removeFinishedRuns() {
        Path parent = RUN_DIRECTORY.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> runs = Files.list(parent)) {
            runs.filter(run -> run.getFileName().toString().matches("run-\\d+"))
                    .filter(run -> ProcessHandle.of(Long.parseLong(run.getFileName().toString().substring(4)))
                            .map(process -> !process.isAlive()).orElse(true))
                    .forEach(TestDatabases::delete);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * A store on the given database with timeouts for a machine that other builds share: a first connection's
     * TCP and SCRAM handshake can then take longer than the production default allows.
     */
    public static Store.Builder patientStore(LocalDatabase database) {
        return database.storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10));
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

    /** The versions of the migrations on the class path, in order: what a fresh database is migrated to. */
    public static List<Integer> migrationVersions() {
        try (Stream<Path> files = Files.list(Path.of(TestDatabases.class.getResource("/db/migration").toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
