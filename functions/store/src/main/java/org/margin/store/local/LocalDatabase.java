package org.margin.store.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.margin.store.Store;
import org.margin.store.migration.MigrationResult;
import org.margin.store.migration.Migrations;

/**
 * A real PostgreSQL for local mode, embedded from Maven jars, whose cluster lives in a directory of the caller's
 * choosing and outlives the process: stopping and starting again keeps every committed row.
 *
 * <p>{@link #start} initialises the cluster on first use, creates the owner and application roles and the database,
 * and migrates the schema, so the URLs and credentials it returns are ready for a {@link Store}.
 */
public final class LocalDatabase implements AutoCloseable {

    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(60);
    private static final String CLUSTER = "cluster";
    // The superuser trusts loopback because the embedded server's readiness probe logs in without a password;
    // the roles the application and the migrations use must give theirs.
    private static final String HBA = """
            # Written by Margin's LocalDatabase at every start.
            local   all          postgres                 trust
            host    all          postgres   127.0.0.1/32  trust
            host    all          postgres   ::1/128       trust
            host    replication  postgres   127.0.0.1/32  trust
            host    replication  postgres   ::1/128       trust
            host    all          all        127.0.0.1/32  scram-sha-256
            host    all          all        ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final Credentials owner;
    private final Credentials app;
    private final MigrationResult migration;

    private LocalDatabase(EmbeddedPostgres postgres, Path directory, Credentials owner, Credentials app,
                          MigrationResult migration) {
        this.postgres = postgres;
        this.directory = directory;
        this.owner = owner;
        this.app = app;
        this.migration = migration;
    }

    /** Starts (initialising on first use) the database kept in {@code directory}, on a free loopback port. */
    public static LocalDatabase start(Path directory) {
        return start(directory, 0);
    }

    /** Starts the database kept in {@code directory} on the given loopback port (0: any free port). */
    public static LocalDatabase start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            LeftoverServer.stopIfRunning(directory.resolve(CLUSTER));
            Properties secrets = LocalConnection.credentials(directory);
            Credentials owner = new Credentials(LocalConnection.OWNER_ROLE,
                    secrets.getProperty(LocalConnection.OWNER_ROLE));
            Credentials app = new Credentials(LocalConnection.APP_ROLE, secrets.getProperty(LocalConnection.APP_ROLE));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve(CLUSTER))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPgBinaryResolver(new ClasspathBinaries())
                    // First start runs initdb; on a busy machine the server may take a while to accept connections.
                    .setPGStartupWait(STARTUP_PATIENCE)
                    // The embedded defaults trade durability for speed; a developer's data should survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setDataDirectoryCustomizer(cluster -> writeHba(cluster.toPath()))
                    .start();
            try {
                prepareRolesAndDatabase(postgres, owner, app);
                String jdbcUrl = LocalConnection.jdbcUrl(postgres.getPort());
                MigrationResult migration = Migrations.migrate(jdbcUrl, owner.user(), owner.password(),
                        LocalConnection.APP_ROLE);
                return new LocalDatabase(postgres, directory, owner, app, migration);
            } catch (RuntimeException failure) {
                postgres.close();
                throw failure;
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start the local database", failure);
        }
    }


    public int port() {
        return postgres.getPort();
    }

    /** Where the application connects: pass it, with {@link #app()}, to {@link Store.Builder#primary}. */
    public String r2dbcUrl() {
        return LocalConnection.r2dbcUrl(port());
    }


    /** Where migrations connect, with {@link #owner()}. */
    public String jdbcUrl() {
        return LocalConnection.jdbcUrl(port());
    }

    /** The role that owns the schema and runs migrations. */
    public Credentials owner() {
        return owner;
    }

    /** The role the functions connect as: bound by row-level security. */
    public Credentials app() {
        return app;
    }

    /** What the start-up migration did. */
    public MigrationResult migration() {
        return migration;
    }

    /** The cluster's data directory. */
    public Path clusterDirectory() {
        return directory.resolve(CLUSTER);
    }

    /** A store builder aimed at this database as the application role. */
    public Store.Builder storeBuilder() {
        return Store.builder().primary(r2dbcUrl(), app.user(), app.password());
    }

    /** Stops the server cleanly; the cluster stays on disk for the next start. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not stop the local database", failure);
        }
    }



    private static void writeHba(Path cluster) {
        try {
            Files.writeString(cluster.resolve("pg_hba.conf"), HBA);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write pg_hba.conf", failure);
        }
    }

    private static void prepareRolesAndDatabase(EmbeddedPostgres postgres, Credentials owner, Credentials app) {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             Statement statement = superuser.createStatement()) {
            // Passwords are hex strings this class generated, so they are safe to inline into DDL.
            ensureRole(superuser, owner, "LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS");
            ensureRole(superuser, app, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            if (!exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", LocalConnection.DATABASE)) {
                statement.execute("CREATE DATABASE " + LocalConnection.DATABASE + " OWNER " + owner.user());
            }
            statement.execute("REVOKE ALL ON DATABASE " + LocalConnection.DATABASE + " FROM PUBLIC");
            statement.execute("GRANT CONNECT ON DATABASE " + LocalConnection.DATABASE + " TO " + app.user());
        } catch (SQLException failure) {
            throw new IllegalStateException("could not prepare the local database (SQLSTATE "
                    + failure.getSQLState() + ")", failure);
        }
    }

    private static void ensureRole(Connection superuser, Credentials role, String attributes) throws SQLException {
        String verb = exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", role.user()) ? "ALTER" : "CREATE";
        try (Statement statement = superuser.createStatement()) {
            statement.execute(verb + " ROLE " + role.user() + " " + attributes
                    + " PASSWORD '" + role.password() + "'");
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
