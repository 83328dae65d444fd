package org.margin.audit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.margin.audit.AuditDatabase;

/**
 * The floor under {@link AuditLoadDriver}'s figures: durable single-row autocommit {@code INSERT}s over JDBC, paced
 * at RATE per second for SECONDS (after 5 s of warm-up), on an embedded PostgreSQL set up as the driver's. Each
 * insert waits for its commit, as an append does, so no design of the writer can add less than this.
 *
 * <p>MODE {@code sequential} (the default) inserts from the pacing thread, one after another on one connection: an
 * insert never overlaps another and never changes thread. MODE {@code open} arrives as the driver's records do, each
 * insert from its own virtual thread over a pool of twenty connections, so inserts overlap when they come close
 * together and each one is handed between threads: the floor that is comparable with the driver's figures.
 * Arguments: DIRECTORY [RATE [SECONDS [MODE]]].
 */
public final class AuditCommitFloor {

    private static final int CONNECTIONS = 20;
    private static final byte[] PAYLOAD = new byte[250];

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        boolean open = args.length > 3 && switch (args[3]) {
            case "open" -> true;
            case "sequential" -> false;
            default -> throw new IllegalArgumentException("MODE is sequential or open");
        };
        AuditDatabase db = AuditDatabase.in(directory);
        try (Connection superuser = db.asSuperuser(); Statement ddl = superuser.createStatement()) {
            ddl.execute("create table commit_floor (id bigint primary key, payload bytea not null)");
            ddl.execute("grant insert on commit_floor to " + db.database.app().user());
        }
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);
        for (int i = 0; i < (open ? CONNECTIONS : 1); i++) {
            connections.add(db.asApp());
        }
        AtomicLong ids = new AtomicLong();
        run(connections, ids, rate, 5, open);
        long[] latencies = run(connections, ids, rate, seconds, open);
        Arrays.sort(latencies);
        System.out.printf("%d single-row autocommit inserts at %d/s, %s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, "
                        + "p99.9 %.3f ms, max %.3f ms%n", latencies.length, rate, open ? "open loop" : "sequential",
                at(latencies, 0.50), at(latencies, 0.90), at(latencies, 0.99), at(latencies, 0.999),
                latencies[latencies.length - 1] / 1e6);
        for (Connection connection : connections) {
            connection.close();
        }
        db.store.close();
        db.database.close();
    }

    private static long[] run(BlockingQueue<Connection> connections, AtomicLong ids, int rate, int seconds,
                              boolean open) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        CompletableFuture<?>[] done = new CompletableFuture<?>[total];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            if (!open) {
                latencies[n] = timedInsert(connections, ids.incrementAndGet());
                done[n] = CompletableFuture.completedFuture(null);
                continue;
            }
            CompletableFuture<Void> request = new CompletableFuture<>();
            done[n] = request;
            Thread.ofVirtual().start(() -> {
                try {
                    latencies[n] = timedInsert(connections, ids.incrementAndGet());
                    request.complete(null);
                } catch (Exception failure) {
                    request.completeExceptionally(failure);
                }
            });
        }
        CompletableFuture.allOf(done).join();
        return latencies;
    }

    /** One durable insert on a connection of the pool; the time taken, waiting for a connection included. */
    private static long timedInsert(BlockingQueue<Connection> connections, long id)
            throws InterruptedException, SQLException {
        long began = System.nanoTime();
        Connection connection = connections.take();
        try (PreparedStatement insert = connection.prepareStatement("insert into commit_floor values (?, ?)")) {
            insert.setLong(1, id);
            insert.setBytes(2, PAYLOAD);
            insert.executeUpdate();
        } finally {
            connections.add(connection);
        }
        return System.nanoTime() - began;
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
