package org.margin.store.tenant;

import io.r2dbc.postgresql.api.PostgresTransactionDefinition;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.margin.store.Consistency;
import org.margin.store.StoreFailedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a unit of work in one transaction scoped to one tenant, and waits for its result.
 *
 * <p>Every transaction starts by setting {@code app.tenant} with {@code set_config(..., true)}: local to the
 * transaction, so a pooled connection never carries a tenant into the next borrower's work, and row-level security
 * sees no tenant at all outside a transaction. Work either commits whole or is rolled back whole.
 *
 * <p>BEGIN, the tenant and the work's first statement are pipelined: the driver writes all three before the first
 * answer arrives, and PostgreSQL runs them in order on the one connection, so the tenant is in force before the work
 * runs while a read costs two round trips (that batch, then COMMIT) instead of four.
 *
 * <p>Callers block on the result. Helidon SE runs each request on a virtual thread, where waiting parks the virtual
 * thread instead of holding a carrier, so a blocking call costs what a reactive one would and reads as plain code.
 */
public final class TenantTransactions {

    private static final TransactionDefinition READ_ONLY =
            PostgresTransactionDefinition.from(IsolationLevel.READ_COMMITTED).readOnly();
    private static final TransactionDefinition READ_WRITE =
            PostgresTransactionDefinition.from(IsolationLevel.READ_COMMITTED).readWrite();
    private static final String SET_TENANT = "SELECT set_config('app.tenant', $1, true)";

    private final ConnectionFactory primary;
    private final ConnectionFactory replica;
    private final Duration callTimeout;

    /**
     * @param primary     the pool every write and every read-your-writes read uses
     * @param replica     the pool stale-tolerant reads use; the primary again when there is no replica
     * @param callTimeout the longest a call may take, waiting for a connection included
     */
    public TenantTransactions(ConnectionFactory primary, ConnectionFactory replica, Duration callTimeout) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** Runs read-only work and returns its single result. */
    public <T> T read(TenantId tenant, Consistency consistency, String operation,
                      Function<Connection, Mono<T>> work) {
        return readOptional(tenant, consistency, operation, work)
                .orElseThrow(() -> noResult(operation));
    }

    /** Runs read-only work whose result may be absent. */
    public <T> Optional<T> readOptional(TenantId tenant, Consistency consistency, String operation,
                                        Function<Connection, Mono<T>> work) {
        ConnectionFactory pool = consistency == Consistency.STALE_OK ? replica : primary;
        return await(operation, transaction(pool, READ_ONLY, tenant, work));
    }

    /** Runs work that writes, on the primary, and returns its single result. */
    public <T> T write(TenantId tenant, String operation, Function<Connection, Mono<T>> work) {
        return await(operation, transaction(primary, READ_WRITE, tenant, work))
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

    private static <T> Mono<T> transaction(ConnectionFactory pool, TransactionDefinition definition, TenantId tenant,
                                           Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(
                pool.create(),
                connection -> Flux.mergeSequential(
                                Mono.from(connection.beginTransaction(definition)).then(Mono.<T>empty()),
                                Sql.rows(connection, SET_TENANT, row -> 1, tenant.toString()).then(Mono.<T>empty()),
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
}
