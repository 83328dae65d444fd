package org.margin.load;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.margin.store.local.LocalDatabase;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What one durable database transaction costs on this machine, for the event pipeline's budget: single-row
 * autocommit {@code INSERT}s of a 1 KB row over r2dbc-postgresql and r2dbc-pool (as the store uses them), into the
 * local mode's embedded PostgreSQL (fsync on), from {@code CONCURRENCY} virtual threads for {@code SECONDS} after a
 * warm-up. Prints transactions per second and the machine's CPU per transaction (all cores, from /proc/stat: the
 * driver and PostgreSQL together; run it on an otherwise idle machine). Arguments: DIRECTORY SECONDS CONCURRENCY.
 */
public final class TransactionFloor {

    private TransactionFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: TransactionFloor DIRECTORY SECONDS CONCURRENCY");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        try (LocalDatabase database = LocalDatabase.start(directory)) {
            ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                    .option(ConnectionFactoryOptions.USER, database.owner().user())
                    .option(ConnectionFactoryOptions.PASSWORD, database.owner().password())
                    .build();
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                    .initialSize(concurrency).maxSize(concurrency).maxAcquireTime(Duration.ofSeconds(10)).build());
            execute(pool, "create table if not exists transaction_floor (id uuid primary key, body bytea not null)");
            byte[] body = new byte[1024];

            FloorRun run = FloorRun.measure(concurrency, Duration.ofSeconds(5), Duration.ofSeconds(seconds), () -> {
                Mono.usingWhen(pool.create(),
                        connection -> Flux.from(connection
                                .createStatement("insert into transaction_floor (id, body) values ($1, $2)")
                                .bind("$1", UUID.randomUUID()).bind("$2", ByteBuffer.wrap(body))
                                .execute()).flatMap(result -> result.getRowsUpdated()).then(),
                        Connection::close).block();
                return true;
            });
            pool.disposeLater().block();
            System.out.printf("transactions=%d seconds=%.1f concurrency=%d cores=%d%n", run.succeeded(), run.seconds(),
                    concurrency, Runtime.getRuntime().availableProcessors());
            System.out.printf("transactions_per_s=%.0f machine_cpu_per_transaction_us=%.0f (busy %.1f of %.1f core-s)%n",
                    run.perSecond(), run.cpuMicrosEach(), run.busyCoreSeconds(), run.coreSeconds());
        }
    }

    private static void execute(ConnectionPool pool, String sql) {
        Mono.usingWhen(pool.create(), connection -> Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.getRowsUpdated()).then(), Connection::close).block();
    }

}
