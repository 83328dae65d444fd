package org.margin.store.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the latest version with Flyway, as the owner role. This is a step of its own: production runs
 * {@link #main} as a Knative job before rolling out functions, local mode runs it when the launcher starts the
 * embedded database, and no function runs it on its cold start.
 */
public final class Migrations {

    /** The schema that holds every table; the application's connections use it as their search path. */
    public static final String SCHEMA = "margin";

    /** Environment variables read by {@link #main}. */
    public static final String JDBC_URL = "MARGIN_DB_JDBC_URL";
    public static final String OWNER_USER = "MARGIN_DB_OWNER_USER";
    public static final String OWNER_PASSWORD = "MARGIN_DB_OWNER_PASSWORD";
    public static final String APP_ROLE = "MARGIN_DB_APP_ROLE";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String ROLE_SAFETY = """
            SELECT r.rolsuper, r.rolbypassrls, pg_has_role(r.rolname, n.nspowner, 'USAGE') AS owns_schema
            FROM pg_roles r, pg_namespace n
            WHERE r.rolname = ? AND n.nspname = ?""";

    private Migrations() {
    }

    /**
     * Migrates the database at {@code jdbcUrl} as the owner, granting the application role {@code appRole} what it
     * needs, then checks that row-level security binds that role: it must not be a superuser, must not bypass RLS,
     * and must not own (or be a member of the owner of) the schema.
     */
    public static MigrationResult migrate(String jdbcUrl, String ownerUser, String ownerPassword, String appRole) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!ROLE_NAME.matcher(appRole).matches()) {
            throw new IllegalArgumentException("the application role must be a plain lower-case identifier");
        }
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, ownerUser, ownerPassword)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", appRole))
                .load()
                .migrate();
        requireBoundByRowLevelSecurity(jdbcUrl, ownerUser, ownerPassword, appRole);
        return new MigrationResult(result.migrationsExecuted,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
    }

    private static void requireBoundByRowLevelSecurity(String jdbcUrl, String user, String password, String appRole) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement statement = connection.prepareStatement(ROLE_SAFETY)) {
            statement.setString(1, appRole);
            statement.setString(2, SCHEMA);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the application role " + appRole + " does not exist");
                }
                if (row.getBoolean("rolsuper") || row.getBoolean("rolbypassrls") || row.getBoolean("owns_schema")) {
                    throw new IllegalStateException("the application role " + appRole
                            + " would escape row-level security: it must be NOSUPERUSER NOBYPASSRLS and not own "
                            + SCHEMA);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not check the application role (SQLSTATE "
                    + failure.getSQLState() + ")", failure);
        }
    }

    /** Migrates the database named by the environment; exits non-zero on failure, as a Knative job should. */
    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        try {
            MigrationResult result = migrate(require(environment, JDBC_URL), require(environment, OWNER_USER),
                    require(environment, OWNER_PASSWORD), environment.getOrDefault(APP_ROLE, "margin_app"));
            System.out.println("margin-store: applied " + result.applied() + " migration(s); schema at version "
                    + result.schemaVersion());
        } catch (RuntimeException failure) {
            System.err.println("margin-store: migration failed: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static String require(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
