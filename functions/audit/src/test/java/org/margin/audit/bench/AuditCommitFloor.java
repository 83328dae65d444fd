package org.margin.audit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.margin.audit.AuditDatabase;

/**
 * The floor under {@link AuditLoadDriver}'s figures: one durable single-row autocommit {@code INSERT} after another
 * over JDBC, paced at RATE per second for SECONDS (after 5 s of warm-up), on an embedded PostgreSQL set up as the
 * driver's. Each insert waits for its commit, as an append does, so no design of the writer can add less than this.
 * Arguments: DIRECTORY [RATE [SECONDS]].
 */
public final class AuditCommitFloor {

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        AuditDatabase db = AuditDatabase.in(directory);
        try (Connection connection = db.asSuperuser()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table commit_floor (id bigint primary key, payload bytea not null)");
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into commit_floor values (?, ?)")) {
                run(insert, rate, 5, 0);
                long[] latencies = run(insert, rate, seconds, rate * 5);
                Arrays.sort(latencies);
                System.out.printf("%d single-row autocommit inserts at %d/s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, "
                                + "p99.9 %.3f ms, max %.3f ms%n", latencies.length, rate,
                        at(latencies, 0.50), at(latencies, 0.90), at(latencies, 0.99), at(latencies, 0.999),
                        latencies[latencies.length - 1] / 1e6);
            }
        }
        db.store.close();
        db.database.close();
    }

    private static long[] run(PreparedStatement insert, int rate, int seconds, long firstId) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        byte[] payload = new byte[250];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long began = System.nanoTime();
            insert.setLong(1, firstId + i);
            insert.setBytes(2, payload);
            insert.executeUpdate();
            latencies[i] = System.nanoTime() - began;
        }
        return latencies;
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
