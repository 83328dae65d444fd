package org.margin.store.tenant;

import io.r2dbc.postgresql.api.PostgresTransactionDefinition;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.margin.store.Consistency;
import org.margin.store.StoreFailedException;
import org.margin.store.people.PersonId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a unit of work in one transaction scoped to one tenant (or, for operator data, to none), and waits for its
 * result.
 *
 * <p>Every transaction starts by setting {@code app.tenant}, and the actor ({@code app.actor_role},
 * {@code app.actor_person}), in one statement with {@code set_config(..., true)}: local to the transaction, so a
 * pooled connection never carries a tenant or an actor into the next borrower's work, and row-level security sees
 * no tenant and no actor at all outside a transaction. Transactions act as {@link Actor#SERVICE} unless made by
 * {@link #actingFor(Actor)}. Work either commits whole or is rolled back whole.
 *
 * <p>Statements are pipelined: the driver writes them before the first answer arrives, and PostgreSQL runs them in
 * order on the one connection, so the tenant is in force before any work runs. A read (one statement) sends BEGIN,
 * the tenant, the statement and COMMIT together: one round trip, and so does {@link #writeOne} (one statement that
 * writes). A write sends BEGIN, the tenant and its first statement together, then the rest of its statements, then
 * COMMIT once it knows they succeeded: two round trips for a one-statement write.
 *
 * <p>Callers block on the result. Helidon SE runs each request on a virtual thread, where waiting parks the virtual
 * thread instead of holding a carrier, so a blocking call costs what a reactive one would and reads as plain code.
 */
public final class TenantTransactions {

    private static final TransactionDefinition READ_ONLY =
            PostgresTransactionDefinition.from(IsolationLevel.READ_COMMITTED).readOnly();
    private static final TransactionDefinition READ_WRITE =
            PostgresTransactionDefinition.from(IsolationLevel.READ_COMMITTED).readWrite();
    private static final String SET_SCOPE = """
            SELECT set_config('app.tenant', $1, true), set_config('app.actor_role', $2, true),
                   set_config('app.actor_person', $3, true)""";
    private static final String SET_SCOPE_AND_TIMEOUT = """
            SELECT set_config('app.tenant', $1, true), set_config('app.actor_role', $2, true),
                   set_config('app.actor_person', $3, true), set_config('statement_timeout', $4, true)""";
    private static final String SET_SCOPE_TIMEOUT_AND_GENERIC_PLAN = """
            SELECT set_config('app.tenant', $1, true), set_config('app.actor_role', $2, true),
                   set_config('app.actor_person', $3, true), set_config('statement_timeout', $4, true),
                   set_config('plan_cache_mode', 'force_generic_plan', true)""";
    private static final String SET_SCOPE_AND_GENERIC_PLAN = """
            SELECT set_config('app.tenant', $1, true), set_config('app.actor_role', $2, true),
                   set_config('app.actor_person', $3, true), set_config('plan_cache_mode', 'force_generic_plan', true)""";
    /** How long before a one-statement write's call times out the server gives up the statement. */
    private static final Duration WRITE_MARGIN = Duration.ofMillis(100);

    private final ConnectionFactory primary;
    private final ConnectionFactory replica;
    private final Duration callTimeout;
    private final Actor actor;

    /**
     * @param primary     the pool every write and every read-your-writes read uses
     * @param replica     the pool stale-tolerant reads use; the primary again when there is no replica
     * @param callTimeout the longest a call may take, waiting for a connection included
     */
    public TenantTransactions(ConnectionFactory primary, ConnectionFactory replica, Duration callTimeout) {
        this(primary, replica, callTimeout, Actor.SERVICE);
    }

    private TenantTransactions(ConnectionFactory primary, ConnectionFactory replica, Duration callTimeout,
                               Actor actor) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** The same pools, with every transaction carrying this actor for row-level security. */
    public TenantTransactions actingFor(Actor actor) {
        return new TenantTransactions(primary, replica, callTimeout, actor);
    }

    /** Whom these transactions act for. */
    public Actor actor() {
        return actor;
    }

    /** Runs one read-only statement and returns every row it gives, mapped. */
    public <T> List<T> query(TenantId tenant, Consistency consistency, String operation, String sql,
                             Function<Readable, T> mapper, Object... parameters) {
        return read(tenant, consistency, operation, SET_SCOPE, sql, mapper, parameters);
    }

    /**
     * {@link #query}, for a statement that PostgreSQL should plan once per connection and not on every call. The
     * server plans a prepared statement anew for each call whenever, by its estimates, a plan made for that call's
     * values looks cheaper than the generic one; for a statement whose planning costs more than its execution (a
     * join of several reads each guarded by row-level security, with arrays as parameters) that choice costs more
     * than it saves. The setting is local to the statement's transaction.
     */
    public <T> List<T> queryPlannedOnce(TenantId tenant, Consistency consistency, String operation, String sql,
                                        Function<Readable, T> mapper, Object... parameters) {
        return read(tenant, consistency, operation, SET_SCOPE_AND_GENERIC_PLAN, sql, mapper, parameters);
    }

    private <T> List<T> read(TenantId tenant, Consistency consistency, String operation, String scope, String sql,
                             Function<Readable, T> mapper, Object... parameters) {
        ConnectionFactory pool = consistency == Consistency.STALE_OK ? replica : primary;
        return await(operation, oneStatementTransaction(pool, READ_ONLY, connection -> setScope(connection, scope,
                tenant), sql, mapper, parameters)).orElseThrow();
    }

    /**
     * Runs one read-only statement over operator data, the tables that belong to no tenant, and returns every row
     * it gives, mapped. No tenant is set, so row-level security shows no tenant's rows.
     */
    public <T> List<T> queryWithoutTenant(Consistency consistency, String operation, String sql,
                                          Function<Readable, T> mapper, Object... parameters) {
        ConnectionFactory pool = consistency == Consistency.STALE_OK ? replica : primary;
        return await(operation, oneStatementTransaction(pool, READ_ONLY, TenantTransactions::noTenant, sql, mapper,
                parameters)).orElseThrow();
    }

    /** Runs one read-only statement and returns its first row, if any. */
    public <T> Optional<T> queryFirst(TenantId tenant, Consistency consistency, String operation, String sql,
                                      Function<Readable, T> mapper, Object... parameters) {
        return query(tenant, consistency, operation, sql, mapper, parameters).stream().findFirst();
    }

    /** Runs one read-only statement that always gives a row (an aggregate, an EXISTS) and returns that row. */
    public <T> T queryOne(TenantId tenant, Consistency consistency, String operation, String sql,
                          Function<Readable, T> mapper, Object... parameters) {
        return queryFirst(tenant, consistency, operation, sql, mapper, parameters)
                .orElseThrow(() -> noResult(operation));
    }

    /**
     * Runs one statement that writes, on the primary, in one round trip: BEGIN, the tenant, the statement and COMMIT
     * go together, and should the statement fail the server answers COMMIT with a rollback. Returns every row the
     * statement gives, mapped.
     *
     * <p>COMMIT is already on its way when the statement starts, so a statement that outlived the caller's patience
     * would still commit after the caller was told it failed. The server therefore stops the statement
     * ({@code statement_timeout}, local to the transaction) a margin before the call times out: a write reported as
     * failed is rolled back, except when the commit itself is under way as the call times out.
     */
    public <T> List<T> writeOne(TenantId tenant, String operation, String sql, Function<Readable, T> mapper,
                                Object... parameters) {
        return writeOne(tenant, operation, SET_SCOPE_AND_TIMEOUT, sql, mapper, parameters);
    }

    /**
     * {@link #writeOne}, for a statement that PostgreSQL should plan once per connection, for the reason
     * {@link #queryPlannedOnce} gives.
     */
    public <T> List<T> writeOnePlannedOnce(TenantId tenant, String operation, String sql, Function<Readable, T> mapper,
                                           Object... parameters) {
        return writeOne(tenant, operation, SET_SCOPE_TIMEOUT_AND_GENERIC_PLAN, sql, mapper, parameters);
    }

    private <T> List<T> writeOne(TenantId tenant, String operation, String scope, String sql,
                                 Function<Readable, T> mapper, Object... parameters) {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        return await(operation, oneStatementTransaction(primary, READ_WRITE,
                connection -> setScopeUntil(connection, scope, tenant, deadline), sql, mapper, parameters))
                .orElseThrow();
    }

    /** Runs work that writes, on the primary, and returns its single result. */
    public <T> T write(TenantId tenant, String operation, Function<Connection, Mono<T>> work) {
        return await(operation, writeTransaction(primary, connection -> setScope(connection, tenant), work))
                .orElseThrow(() -> noResult(operation));
    }

    /** Runs work that writes operator data, on the primary, with no tenant set; returns its single result. */
    public <T> T writeWithoutTenant(String operation, Function<Connection, Mono<T>> work) {
        return await(operation, writeTransaction(primary, TenantTransactions::noTenant, work))
                .orElseThrow(() -> noResult(operation));
    }

    private static StoreFailedException noResult(String operation) {
        return new StoreFailedException(operation + " returned no result", "");
    }

    private <T> Optional<T> await(String operation, Mono<T> call) {
        try {
            return Optional.ofNullable(call.timeout(callTimeout).block());
        } catch (RuntimeException failure) {
            throw ErrorTranslation.translate(operation, failure);
        }
    }

    /**
     * BEGIN, the tenant, the statement and COMMIT in one write: one round trip. COMMIT goes as a plain
     * statement because the driver's commitTransaction() decides whether to send anything from the transaction
     * status it has seen so far, which is still "idle" before BEGIN is answered. Should the statement fail, the
     * server answers that COMMIT with a rollback, and the failure reaches the caller.
     */
    private static <T> Mono<List<T>> oneStatementTransaction(ConnectionFactory pool, TransactionDefinition definition,
                                                             Function<Connection, Mono<Void>> scope, String sql,
                                                             Function<Readable, T> mapper, Object... parameters) {
        return Mono.usingWhen(
                pool.create(),
                connection -> Flux.mergeSequential(
                                Mono.from(connection.beginTransaction(definition)).then(Mono.<List<T>>empty()),
                                scope.apply(connection).then(Mono.<List<T>>empty()),
                                Sql.rows(connection, sql, mapper, parameters).collectList(),
                                Sql.update(connection, "COMMIT").then(Mono.<List<T>>empty()))
                        .single(),
                Connection::close,
                (connection, failure) -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackFailure -> Mono.empty())
                        .then(Mono.from(connection.close())),
                Connection::close);
    }

    private static <T> Mono<T> writeTransaction(ConnectionFactory pool, Function<Connection, Mono<Void>> scope,
                                                Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(
                pool.create(),
                connection -> Flux.mergeSequential(
                                Mono.from(connection.beginTransaction(READ_WRITE)).then(Mono.<T>empty()),
                                scope.apply(connection).then(Mono.<T>empty()),
                                Mono.defer(() -> work.apply(connection)))
                        .singleOrEmpty()
                        .flatMap(result -> Mono.from(connection.commitTransaction()).thenReturn(result))
                        .switchIfEmpty(Mono.defer(() -> Mono.from(connection.commitTransaction()).then(Mono.empty()))),
                Connection::close,
                (connection, failure) -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackFailure -> Mono.empty())
                        .then(Mono.from(connection.close())),
                // A cancelled call (its timeout passed) returns the connection; the pool rolls back what is open.
                Connection::close);
    }

    private static Mono<Void> noTenant(Connection connection) {
        return Mono.empty();
    }

    /** {@link #setScope}, and the server ends the transaction's statements {@link #WRITE_MARGIN} before deadline. */
    private Mono<Void> setScopeUntil(Connection connection, String scope, TenantId tenant, long deadline) {
        long remaining = Duration.ofNanos(deadline - System.nanoTime()).minus(WRITE_MARGIN).toMillis();
        return Sql.rows(connection, scope, row -> 1, tenant.toString(), actor.role().setting(),
                actor.person().map(PersonId::toString).orElse(""), Long.toString(Math.max(1, remaining))).then();
    }

    private Mono<Void> setScope(Connection connection, TenantId tenant) {
        return setScope(connection, SET_SCOPE, tenant);
    }

    private Mono<Void> setScope(Connection connection, String statement, TenantId tenant) {
        return Sql.rows(connection, statement, row -> 1, tenant.toString(), actor.role().setting(),
                actor.person().map(PersonId::toString).orElse("")).then();
    }
}
