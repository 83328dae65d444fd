package org.margin.store.tenant;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs one statement with positional parameters ($1, $2...) on a connection inside a tenant transaction. */
public final class Sql {

    /** A parameter whose value is absent: the driver needs the type to bind a NULL. */
    public record Null(Class<?> type) {
    }

    private Sql() {
    }

    public static <T> Flux<T> rows(Connection connection, String sql, Function<Readable, T> mapper,
                                   Object... parameters) {
        return Flux.from(bind(connection.createStatement(sql), parameters).execute())
                .flatMap(result -> result.map(mapper));
    }

    public static Mono<Long> update(Connection connection, String sql, Object... parameters) {
        return Flux.from(bind(connection.createStatement(sql), parameters).execute())
                .flatMap(result -> result.getRowsUpdated())
                .reduce(0L, Long::sum);
    }

    public static <T> T required(Readable row, String column, Class<T> type) {
        T value = row.get(column, type);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    private static Statement bind(Statement statement, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Null absent) {
                statement.bindNull(i, absent.type());
            } else {
                statement.bind(i, parameters[i]);
            }
        }
        return statement;
    }
}
