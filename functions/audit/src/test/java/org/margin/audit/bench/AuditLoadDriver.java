package org.margin.audit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.margin.audit.AuditDatabase;
import org.margin.audit.Entries;
import org.margin.audit.log.AuditLog;
import org.margin.store.tenant.TenantId;

/**
 * Open-loop load on the group-commit writer: RATE records per second (default 500) for SECONDS (default 30, after
 * 5 s of warm-up at the same rate), each from its own virtual thread as a request would, spread over TENANTS chains
 * (default 20). Reports the latency a request adds by waiting for its disclosure record to be durable: from
 * {@code record} to the stage's completion, committed on an embedded PostgreSQL with fsync and synchronous_commit
 * on. Arguments: DIRECTORY [RATE [SECONDS [TENANTS [COMMIT_DELAY]]]]; COMMIT_DELAY sets PostgreSQL's
 * {@code commit_delay} in microseconds (default 0, off; {@code commit_siblings} stays 5).
 */
public final class AuditLoadDriver {

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int tenantCount = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int commitDelay = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        AuditDatabase db = AuditDatabase.in(directory);
        try (Connection superuser = db.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("alter system set commit_delay = " + commitDelay);
            sql.execute("select pg_reload_conf()");
        }
        TenantId[] tenants = new TenantId[tenantCount];
        for (int i = 0; i < tenantCount; i++) {
            tenants[i] = TenantId.random();
        }
        try (AuditLog log = AuditLog.create(db.store.auditTrail())) {
            run(log, tenants, rate, 5);
            long[] latencies = run(log, tenants, rate, seconds);
            Arrays.sort(latencies);
            System.out.printf("%d records at %d/s over %d tenants, commit_delay %d us: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, "
                            + "p99.9 %.3f ms, max %.3f ms%n", latencies.length, rate, tenantCount, commitDelay,
                    at(latencies, 0.50), at(latencies, 0.90), at(latencies, 0.99), at(latencies, 0.999),
                    latencies[latencies.length - 1] / 1e6);
        }
        db.store.close();
        db.database.close();
    }

    private static long[] run(AuditLog log, TenantId[] tenants, int rate, int seconds) {
        int total = rate * seconds;
        long[] latencies = new long[total];
        CompletableFuture<?>[] done = new CompletableFuture<?>[total];
        AtomicInteger sequence = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            CompletableFuture<Void> request = new CompletableFuture<>();
            done[i] = request;
            Thread.ofVirtual().start(() -> {
                long began = System.nanoTime();
                log.record(tenants[n % tenants.length], Entries.disclosure(sequence.incrementAndGet()))
                        .whenComplete((seq, failure) -> {
                            latencies[n] = System.nanoTime() - began;
                            if (failure != null) {
                                request.completeExceptionally(failure);
                            } else {
                                request.complete(null);
                            }
                        });
            });
        }
        CompletableFuture.allOf(done).join();
        return latencies;
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
