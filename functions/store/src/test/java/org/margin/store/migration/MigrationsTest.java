package org.margin.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
