package org.margin.audit;

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
import org.margin.audit.checkpoint.CheckpointKeys;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.KeyManager;
import org.margin.store.Store;
import org.margin.store.local.LocalDatabase;

/**
 * A real embedded PostgreSQL for this module's tests, under target/test-databases/run-PID (one per test JVM), with a
 * local key-encryption key and the audit-signing keyset created.
 */
public final class AuditDatabase {

    private static AuditDatabase shared;

    public final LocalDatabase database;
    public final Store store;
    public final Keysets keysets;
    public final CheckpointKeys checkpointKeys;

    private AuditDatabase(Path directory) {
        database = LocalDatabase.start(directory.resolve("postgres"));
        store = database.storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10))
                .build();
        keysets = new Keysets(store.keysets(), LocalKeyEncryptionKey.openOrCreate(directory.resolve("keys")),
                store.keyAudit(), "audit-test");
        new KeyManager(keysets).createKeyset("audit-test", KeyPurpose.AUDIT_SIGNING);
        checkpointKeys = new CheckpointKeys(keysets);
    }

    public static synchronized AuditDatabase shared() {
        if (shared == null) {
            shared = new AuditDatabase(fresh(Path.of("target", "test-databases",
                    "run-" + ProcessHandle.current().pid()).toAbsolutePath()));
        }
        return shared;
    }

    /** A database of its own in {@code directory}, for benchmarks. */
    public static AuditDatabase in(Path directory) {
        return new AuditDatabase(directory);
    }

    /** The cluster's superuser, which row-level security and (with session_replication_role) triggers let pass. */
    public Connection asSuperuser() throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
        connection.createStatement().execute("SET search_path = margin");
        return connection;
    }

    public Connection asApp() throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.app().user(),
                database.app().password());
        connection.createStatement().execute("SET search_path = margin");
        return connection;
    }

    public Connection asOwner() throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
        connection.createStatement().execute("SET search_path = margin");
        return connection;
    }

    private static Path fresh(Path directory) {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return directory;
    }
}
