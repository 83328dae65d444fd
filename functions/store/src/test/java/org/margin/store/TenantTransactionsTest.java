package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Readable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.Sql;

/**
 * What every transaction carries: the tenant and the actor for row-level security, read-only reads, a one-statement
 * write's statement timeout under the call's, and nothing left on the session after it. One pooled connection, so
 * every call meets the same server session.
 */
class TenantTransactionsTest {

    private static final String SCOPE = """
            SELECT current_setting('app.tenant', true) AS tenant, current_setting('app.actor_role', true) AS role,
                   current_setting('app.actor_person', true) AS person,
                   (SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout') AS timeout_ms""";

    /** The patient store's call timeout, which its sessions also take as their statement timeout. */
    private static final long SESSION_TIMEOUT_MILLIS = 30_000;

    private static Store store;
    private static World world;

    private record Scope(String tenant, String role, String person, long timeoutMillis) {
    }

    @BeforeAll
    static void oneConnection() {
        store = TestDatabases.patientStore(TestDatabases.shared()).maxPoolSize(1).build();
        world = World.create(store, 1);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void aReadCarriesItsTenantAndActorAndLeavesNothingOnTheSession() {
        Scope read = store.transactions().actingFor(Actor.educator(world.teacher()))
                .queryOne(world.tenant(), Consistency.READ_YOUR_WRITES, "scope", SCOPE, TenantTransactionsTest::scope);
        assertThat(read).isEqualTo(new Scope(world.tenant().toString(), "educator", world.teacher().toString(),
                SESSION_TIMEOUT_MILLIS));

        Scope after = store.transactions().queryWithoutTenant(Consistency.READ_YOUR_WRITES, "scope", SCOPE,
                TenantTransactionsTest::scope).getFirst();
        assertThat(after).as("the next borrower of the session")
                .isEqualTo(new Scope("", "", "", SESSION_TIMEOUT_MILLIS));
    }

    @Test
    void aReadCannotWrite() {
        assertThatThrownBy(() -> store.transactions().query(world.tenant(), Consistency.READ_YOUR_WRITES, "write",
                "INSERT INTO people (institution_id) VALUES ($1) RETURNING id", row -> row,
                world.tenant().value()))
                .isInstanceOfSatisfying(StoreException.class,
                        refused -> assertThat(refused.sqlState()).isEqualTo("25006"));
    }

    @Test
    void aOneStatementWriteIsGivenUpByTheServerBeforeItsCallTimesOut() {
        Scope write = store.transactions().writeOne(world.tenant(), "scope", SCOPE, TenantTransactionsTest::scope)
                .getFirst();
        assertThat(write.tenant()).isEqualTo(world.tenant().toString());
        assertThat(write.role()).isEqualTo("service");
        // The server stops the statement 100 ms before the call would time out.
        assertThat(write.timeoutMillis()).isBetween(SESSION_TIMEOUT_MILLIS - 1_000, SESSION_TIMEOUT_MILLIS - 100);

        Scope after = store.transactions().query(world.tenant(), Consistency.READ_YOUR_WRITES, "scope", SCOPE,
                TenantTransactionsTest::scope).getFirst();
        assertThat(after.timeoutMillis()).as("the write's timeout ended with it").isEqualTo(SESSION_TIMEOUT_MILLIS);
    }

    private static Scope scope(Readable row) {
        return new Scope(orEmpty(row.get("tenant", String.class)), orEmpty(row.get("role", String.class)),
                orEmpty(row.get("person", String.class)), Sql.required(row, "timeout_ms", Long.class));
    }

    private static String orEmpty(String setting) {
        return setting == null ? "" : setting;
    }
}
