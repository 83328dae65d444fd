package org.margin.store;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A connection pool made on its first use. Making one loads the driver through a service loader and starts
 * Reactor's pool machinery, about a tenth of a second of a function's cold start on two cores, and a function
 * whose first requests need no database (writing-analysis's tools) should not pay it before them.
 */
final class LazyPool implements ConnectionFactory {

    private final Supplier<ConnectionPool> maker;
    private volatile ConnectionPool pool;
    private boolean disposed;

    LazyPool(Supplier<ConnectionPool> maker) {
        this.maker = maker;
    }

    @Override
    public Publisher<? extends Connection> create() {
        ConnectionPool made = pool;
        if (made == null) {
            made = make();
            if (made == null) {
                return Mono.error(new IllegalStateException("the store is closed"));
            }
        }
        return made.create();
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return () -> "PostgreSQL";
    }

    /** Closes the pool's connections, if it was ever made; a later {@link #create()} fails. */
    synchronized void dispose() {
        disposed = true;
        if (pool != null) {
            pool.dispose();
        }
    }

    private synchronized ConnectionPool make() {
        if (pool == null && !disposed) {
            pool = maker.get();
        }
        return pool;
    }
}
