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
        String url = scratchDatabaseAt("22");
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
    void aSubmissionsIndexEntriesBecomeItsOneRowInTheirOrder() throws SQLException {
        String url = scratchDatabaseAt("27");
        try (Connection owner = DriverManager.getConnection(url, database.owner().user(), database.owner().password());
             Statement statement = owner.createStatement()) {
            statement.execute("""
                    INSERT INTO margin.fingerprints (institution_id, course_id, submission_id, student_id, kind, hash,
                                                     position, start_offset, end_offset)
                    SELECT '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000c',
                           ('00000000-0000-0000-0000-00000000000' || e.submission)::uuid,
                           ('00000000-0000-0000-0000-00000000000' || e.student)::uuid,
                           e.kind, e.hash, e.position, e.start_offset, e.end_offset
                    FROM (VALUES ('1', 'f', 0, 30, 4, 40, 47), ('1', 'f', 1, 71, 9, 0, 0), ('1', 'f', 0, 10, 0, 0, 8),
                                 ('1', 'f', 1, 72, 2, 0, 0), ('2', 'e', 1, 73, 5, 0, 0))
                        AS e(submission, student, kind, hash, position, start_offset, end_offset)""");

            Migrations.migrate(url, database.owner().user(), database.owner().password(), LocalConnection.APP_ROLE);

            try (ResultSet row = statement.executeQuery("""
                    SELECT submission_id::text, course_id::text, student_id::text, passage_hashes::text,
                           passage_positions::text, passage_starts::text, passage_ends::text, word_hashes::text,
                           word_positions::text
                    FROM margin.fingerprints ORDER BY submission_id""")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).endsWith("001");
                assertThat(row.getString(2)).endsWith("00c");
                assertThat(row.getString(3)).endsWith("00f");
                assertThat(row.getString(4)).isEqualTo("{10,30}");
                assertThat(row.getString(5)).isEqualTo("{0,4}");
                assertThat(row.getString(6)).isEqualTo("{0,40}");
                assertThat(row.getString(7)).isEqualTo("{8,47}");
                assertThat(row.getString(8)).isEqualTo("{72,71}");
                assertThat(row.getString(9)).isEqualTo("{2,9}");
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).endsWith("002");
                assertThat(row.getString(4)).isEqualTo("{}");
                assertThat(row.getString(8)).isEqualTo("{73}");
                assertThat(row.next()).isFalse();
            }
        }
    }

    /** A new database of the owner's, migrated up to {@code version}; its URL. */
    private String scratchDatabaseAt(String version) throws SQLException {
        String scratch = "upgrade_" + Long.toUnsignedString(System.nanoTime(), 36);
        try (Connection superuser = TestDatabases.asSuperuser(database);
             Statement statement = superuser.createStatement()) {
            statement.execute("CREATE DATABASE " + scratch + " OWNER " + database.owner().user());
        }
        String url = database.jdbcUrl().replace("/" + LocalConnection.DATABASE, "/" + scratch);
        Flyway.configure().dataSource(url, database.owner().user(), database.owner().password())
                .schemas(Migrations.SCHEMA).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", LocalConnection.APP_ROLE)).target(version).load().migrate();
        return url;
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
