package org.margin.audit.log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import org.margin.audit.entry.AuditEntry;
import org.margin.audit.merkle.TreeHashes;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.audit.AuditTrail;
import org.margin.store.audit.ChainHead;
import org.margin.store.tenant.TenantId;

/**
 * Writes entries to their tenant's chain with group commit: {@link #record} queues the entry and returns a stage that
 * completes, with the entry's sequence number, once the transaction holding it has committed. One writer (a virtual
 * thread, started on the first record) takes everything queued while the previous transaction was committing and
 * writes it as one transaction per tenant, the tenants' transactions side by side: under load many requests share
 * one commit, at rest an entry waits for its own commit only.
 *
 * <p>Each transaction holds the tenant's advisory lock while it reads the chain's head and inserts, so instances of
 * any function appending to one chain at once keep a single order.
 */
public final class AuditLog implements AutoCloseable {

    /** The chain of actions that concern no institution, such as key management: the nil UUID. */
    public static final TenantId INSTALLATION = new TenantId(new UUID(0, 0));

    private static final int MAX_BATCH = 512;

    private record Pending(TenantId tenant, byte[] payload, CompletableFuture<Long> committed) {
    }

    private final AuditTrail trail;
    private final Clock clock;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private Thread writer;
    private boolean closed;

    private AuditLog(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** A log writing through {@code trail} ({@code store.auditTrail()}); starts nothing until the first record. */
    public static AuditLog create(AuditTrail trail) {
        return create(trail, Clock.systemUTC());
    }

    public static AuditLog create(AuditTrail trail, Clock clock) {
        return new AuditLog(Objects.requireNonNull(trail, "trail"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Queues {@code entry} for {@code tenant}'s chain ({@link #INSTALLATION} for actions of no institution).
     *
     * @return completes with the entry's sequence number once it is durable, or exceptionally with the store's
     *         failure (a {@code StoreException}); then the entry is not in the log
     */
    public CompletionStage<Long> record(TenantId tenant, AuditEntry entry) {
        Objects.requireNonNull(tenant, "tenant");
        Pending pending = new Pending(tenant, entry.canonicalBytes(), new CompletableFuture<>());
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the audit log is closed");
            }
            if (writer == null) {
                writer = Thread.ofVirtual().name("margin-audit-writer").start(this::write);
            }
            queue.add(pending);
        }
        return pending.committed();
    }

    /** {@link #record} and wait until the entry is durable: for handlers that must not answer before it is. */
    public long recordDurably(TenantId tenant, AuditEntry entry) {
        return record(tenant, entry).toCompletableFuture().join();
    }

    /**
     * {@link #record} every entry and wait until all are durable, queued together so they share a group commit;
     * fails as {@link #recordDurably} does, with the first failure as the cause.
     */
    public void recordAllDurably(TenantId tenant, List<? extends AuditEntry> entries) {
        CompletableFuture<?>[] committed = new CompletableFuture<?>[entries.size()];
        for (int i = 0; i < committed.length; i++) {
            committed[i] = record(tenant, entries.get(i)).toCompletableFuture();
        }
        CompletableFuture.allOf(committed).join();
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = writer;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stop) {
                queue.drainTo(batch);
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        Map<TenantId, List<Pending>> byTenant = new LinkedHashMap<>();
        for (Pending pending : batch) {
            byTenant.computeIfAbsent(pending.tenant(), tenant -> new ArrayList<>()).add(pending);
        }
        Instant recordedAt = clock.instant();
        // One transaction per chain, all at once: each holds only its own chain's lock, and PostgreSQL flushes
        // the commits that arrive together with one write of the log.
        List<Thread> writers = new ArrayList<>(byTenant.size());
        byTenant.forEach((tenant, entries) -> writers.add(Thread.ofVirtual().name("margin-audit-append")
                .start(() -> append(tenant, entries, recordedAt))));
        // close() interrupts the writer to stop it taking new work; the appends under way finish first.
        writers.forEach(AuditLog::awaitQuietly);
    }

    private void append(TenantId tenant, List<Pending> entries, Instant recordedAt) {
        try {
            long seq = trail.append(tenant, head -> extend(head, entries, recordedAt)) - entries.size();
            for (Pending pending : entries) {
                pending.committed().complete(++seq);
            }
        } catch (RuntimeException failure) {
            for (Pending pending : entries) {
                pending.committed().completeExceptionally(failure);
            }
        }
    }

    private static void awaitQuietly(Thread writer) {
        boolean interrupted = Thread.interrupted();
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<AuditEntryRow> extend(ChainHead head, List<Pending> entries, Instant recordedAt) {
        List<AuditEntryRow> rows = new ArrayList<>(entries.size());
        byte[] previous = head.chainHash();
        long seq = head.seq();
        for (Pending pending : entries) {
            previous = TreeHashes.chain(previous, TreeHashes.leaf(pending.payload()));
            rows.add(new AuditEntryRow(++seq, recordedAt, pending.payload(), previous));
        }
        return rows;
    }
}
