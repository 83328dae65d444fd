package org.margin.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.margin.store.TestDatabases;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;

class MigrationsTest {

    private final LocalDatabase database = TestDatabases.shared();

    @Test
    void aMigratedDatabaseHasNothingLeftToApply() {
        MigrationResult again = Migrations.migrate(database.jdbcUrl(), database.owner().user(),
                database.owner().password(), LocalConnection.APP_ROLE);

        assertThat(again).isEqualTo(new MigrationResult(0,
                Integer.toString(TestDatabases.migrationVersions().getLast())));
    }

    @Test
    void debitsPendingBeforeFilingsCreditedTheCountsAreTurnedIntoTheirSignedForm() throws SQLException {
        String scratch = "upgrade_" + Long.toUnsignedString(System.nanoTime(), 36);
        try (Connection superuser = TestDatabases.asSuperuser(database);
             Statement statement = superuser.createStatement()) {
            statement.execute("CREATE DATABASE " + scratch + " OWNER " + database.owner().user());
        }
        String url = database.jdbcUrl().replace("/" + LocalConnection.DATABASE, "/" + scratch);
        Flyway.configure().dataSource(url, database.owner().user(), database.owner().password())
                .schemas(Migrations.SCHEMA).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", LocalConnection.APP_ROLE)).target("22").load().migrate();
        try (Connection owner = DriverManager.getConnection(url, database.owner().user(), database.owner().password());
             Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO margin.fingerprint_debits (institution_id, course_id, submissions, hashes,"
                    + " holders) VALUES (gen_random_uuid(), gen_random_uuid(), 2, '{5,7,9}', '{1,3,2}')");

            Migrations.migrate(url, database.owner().user(), database.owner().password(), LocalConnection.APP_ROLE);

            try (ResultSet row = statement.executeQuery(
                    "SELECT submissions, hashes::text, holders::text FROM margin.fingerprint_count_deltas")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(-2);
                assertThat(row.getString(2)).isEqualTo("{5,7,9}");
                assertThat(row.getString(3)).isEqualTo("{-1,-3,-2}");
                assertThat(row.next()).isFalse();
            }
        }
    }

    @Test
    void anApplicationRoleThatBypassesRowLevelSecurityIsRefused() throws SQLException {
        try (Connection superuser = TestDatabases.asSuperuser(database);
             Statement statement = superuser.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS margin_escape");
            statement.execute("CREATE ROLE margin_escape LOGIN BYPASSRLS");
        }

        assertThatThrownBy(() -> Migrations.migrate(database.jdbcUrl(), database.owner().user(),
                database.owner().password(), "margin_escape"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("escape row-level security");
    }

    @Test
    void theOwnerCannotServeAsTheApplicationRole() {
        assertThatThrownBy(() -> Migrations.migrate(database.jdbcUrl(), database.owner().user(),
                database.owner().password(), LocalConnection.OWNER_ROLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("escape row-level security");
    }

    @Test
    void anApplicationRoleNameMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> Migrations.migrate(database.jdbcUrl(), database.owner().user(),
                database.owner().password(), "app; DROP TABLE people"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
