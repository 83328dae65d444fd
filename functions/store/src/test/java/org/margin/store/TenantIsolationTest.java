package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.StoreRejectedException.Reason;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;

/** Tenant isolation holds twice: in every repository query, and in PostgreSQL's row-level security beneath it. */
class TenantIsolationTest {

    /** Tables of no tenant: Flyway's history, operator data, the encrypted keysets and the key audit. */
    private static final String UNTENANTED = "'flyway_schema_history', 'dead_letters', 'keysets', 'key_audit'";
    private static final String TENANT_TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'margin' AND c.relkind = 'r' AND c.relname NOT IN (%s)""".formatted(UNTENANTED);

    private static LocalDatabase database;
    private static Store store;
    private static World a;
    private static World b;
    private static SubmissionId submissionOfA;

    @BeforeAll
    static void twoInstitutions() {
        database = TestDatabases.shared();
        store = TestDatabases.patientStore(database).maxPoolSize(1).build();
        a = World.create(store, 2);
        b = World.create(store, 2);
        submissionOfA = store.submissions().submit(a.tenant(), new NewSubmission(a.course(), a.students().getFirst(),
                Instant.parse("2026-10-01T10:00:00Z"), World.opaque("essay of A")));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void repositoriesFindNothingOfAnotherTenant() {
        assertThat(store.submissions().find(a.tenant(), submissionOfA, Consistency.READ_YOUR_WRITES)).isPresent();
        assertThat(store.submissions().find(b.tenant(), submissionOfA, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.courses().find(b.tenant(), a.course(), Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.people().identity(b.tenant(), a.students().getFirst(), Consistency.READ_YOUR_WRITES))
                .isEmpty();
        assertThat(store.institutions().find(b.tenant(), Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(institution -> assertThat(institution.id()).isEqualTo(b.tenant()));
    }

    @Test
    void aGroupedReadGivesEachIdItsOwnTenantsSubmissionInItsPlace() {
        SubmissionId secondOfA = store.submissions().submit(a.tenant(), new NewSubmission(a.course(),
                a.students().getLast(), Instant.parse("2026-10-02T10:00:00Z"), World.opaque("second essay of A")));
        SubmissionId ofB = store.submissions().submit(b.tenant(), new NewSubmission(b.course(),
                b.students().getFirst(), Instant.parse("2026-10-01T10:00:00Z"), World.opaque("essay of B")));

        List<Optional<Submission>> read = store.submissions().findEach(a.tenant(),
                List.of(secondOfA, ofB, submissionOfA, secondOfA), Consistency.READ_YOUR_WRITES);

        assertThat(read).hasSize(4);
        assertThat(read.get(0)).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(secondOfA);
            assertThat(found.student()).isEqualTo(a.students().getLast());
            assertThat(found.body()).isEqualTo(World.opaque("second essay of A"));
        });
        assertThat(read.get(1)).isEmpty();
        assertThat(read.get(2))
                .hasValueSatisfying(found -> assertThat(found.body()).isEqualTo(World.opaque("essay of A")));
        assertThat(read.get(3)).isEqualTo(read.get(0));
    }

    @Test
    void craftedQueryForAnotherTenantReturnsNothingOnAFreshConnection() throws SQLException {
        try (Connection fresh = TestDatabases.asApp(database)) {
            fresh.setAutoCommit(false);
            setTenant(fresh, b.tenant());
            assertThat(count(fresh, "SELECT count(*) FROM submissions WHERE institution_id = '" + a.tenant() + "'"))
                    .isZero();
            assertThat(count(fresh, "SELECT count(*) FROM people WHERE institution_id = '" + a.tenant() + "'"))
                    .isZero();
            assertThat(count(fresh, "SELECT count(*) FROM people")).as("the tenant's own rows").isEqualTo(3);
            fresh.rollback();
        }
    }

    @Test
    void craftedQueryForAnotherTenantReturnsNothingOnAReusedPooledConnection() {
        record Seen(int backend, long rows) {
        }
        Seen own = store.transactions().queryOne(a.tenant(), Consistency.READ_YOUR_WRITES, "probe",
                "SELECT pg_backend_pid() AS pid, count(*) AS n FROM submissions",
                row -> new Seen(row.get("pid", Integer.class), row.get("n", Long.class)));
        assertThat(own.rows()).as("the tenant's own submission").isEqualTo(1);
        int firstBackend = own.backend();
        Seen crafted = store.transactions().queryOne(b.tenant(), Consistency.READ_YOUR_WRITES, "crafted", """
                        SELECT pg_backend_pid() AS pid, count(*) AS n
                        FROM submissions WHERE institution_id = $1 AND id = $2""",
                row -> new Seen(row.get("pid", Integer.class), row.get("n", Long.class)),
                a.tenant().value(), submissionOfA.value());
        assertThat(crafted.backend()).as("the pool of one handed out the same session").isEqualTo(firstBackend);
        assertThat(crafted.rows()).isZero();
    }

    @Test
    void noTenantSetSeesNothingOnAFreshSession() throws SQLException {
        try (Connection fresh = TestDatabases.asApp(database)) {
            assertThat(count(fresh, "SELECT count(*) FROM submissions")).isZero();
            assertThat(count(fresh, "SELECT count(*) FROM institutions")).isZero();
        }
    }

    @Test
    void noTenantSetSeesNothingOnASessionThatHadOneBefore() throws SQLException {
        try (Connection reused = TestDatabases.asApp(database)) {
            reused.setAutoCommit(false);
            setTenant(reused, a.tenant());
            assertThat(count(reused, "SELECT count(*) FROM submissions")).isEqualTo(1);
            reused.commit();
            reused.setAutoCommit(true);
            assertThat(current(reused)).as("set_config(..., true) ends with its transaction").isEmpty();
            assertThat(count(reused, "SELECT count(*) FROM submissions")).isZero();
        }
    }

    @Test
    void insertForAnotherTenantIsRefusedByRowLevelSecurity() {
        assertThatThrownBy(() -> store.transactions().write(b.tenant(), "crafted insert", connection ->
                Sql.update(connection, "INSERT INTO people (institution_id) VALUES ($1)", a.tenant().value())))
                .isInstanceOfSatisfying(StoreRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.TENANT_POLICY));
    }

    @Test
    void updateOfAnotherTenantsRowsChangesNothing() {
        long updated = store.transactions().write(b.tenant(), "crafted update", connection ->
                Sql.update(connection, "UPDATE submissions SET body = $1 WHERE institution_id = $2",
                        new byte[] {1}, a.tenant().value()));
        assertThat(updated).isZero();
        assertThat(store.submissions().find(a.tenant(), submissionOfA, Consistency.READ_YOUR_WRITES).orElseThrow()
                .body()).isEqualTo(World.opaque("essay of A"));
    }

    @Test
    void insertWithNoTenantIsRefused() throws SQLException {
        try (Connection fresh = TestDatabases.asApp(database); Statement statement = fresh.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO people (institution_id) VALUES ('" + a.tenant() + "')"))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void writesNamingAnotherTenantsRowsAreRefused() {
        PersonId studentOfA = a.students().getFirst();
        assertThatThrownBy(() -> store.submissions().submit(b.tenant(), new NewSubmission(a.course(), studentOfA,
                Instant.now(), World.opaque("x"))))
                .isInstanceOfSatisfying(StoreRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.MISSING_REFERENCE));
        assertThatThrownBy(() -> store.enrollments().enroll(b.tenant(), a.course(), b.students().getFirst(),
                EnrollmentRole.STUDENT, World.TERM_START, Optional.empty()))
                .isInstanceOfSatisfying(StoreRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.MISSING_REFERENCE));
    }

    @Test
    void everyTableHasRowLevelSecurityAndTheAppRoleCannotEscapeIt() throws SQLException {
        try (Connection owner = TestDatabases.asOwner(database); Statement statement = owner.createStatement()) {
            try (ResultSet tables = statement.executeQuery(TENANT_TABLES.replace("SELECT c.relname",
                    "SELECT c.relname, c.relrowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)"
                            + " AS policies"))) {
                int seen = 0;
                while (tables.next()) {
                    seen++;
                    assertThat(tables.getBoolean("relrowsecurity")).as(tables.getString("relname")).isTrue();
                    assertThat(tables.getInt("policies")).as(tables.getString("relname")).isPositive();
                }
                assertThat(seen).isEqualTo(22);
            }
            try (ResultSet role = statement.executeQuery(
                    "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'margin_app'")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getBoolean("rolsuper")).isFalse();
                assertThat(role.getBoolean("rolbypassrls")).isFalse();
            }
        }
    }

    /**
     * The integrity index's GIN keys are hashes mixed with their course (V28), so each key is one course's already;
     * a tenant leading them would make every lookup intersect the tenant's whole posting list. It is read only
     * through fingerprint_holders, which keeps to the caller's tenant (FingerprintsTest).
     */
    @Test
    void everyTenantTableLeadsItsIndexesWithTheTenant() throws SQLException {
        try (Connection owner = TestDatabases.asOwner(database); Statement statement = owner.createStatement();
             ResultSet indexes = statement.executeQuery("""
                     SELECT i.indexrelid::regclass::text AS name, a.attname AS leading
                     FROM pg_index i
                     JOIN pg_class t ON t.oid = i.indrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
                     WHERE n.nspname = 'margin' AND t.relname NOT IN (%s, 'institutions')
                       AND i.indexrelid <> 'margin.fingerprints_by_key'::regclass""".formatted(UNTENANTED))) {
            while (indexes.next()) {
                assertThat(indexes.getString("leading")).as(indexes.getString("name")).isEqualTo("institution_id");
            }
        }
    }

    private static void setTenant(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('app.tenant', ?, true), set_config('app.actor_role', 'service', true)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
    }

    private static String current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('app.tenant', true)")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

}
