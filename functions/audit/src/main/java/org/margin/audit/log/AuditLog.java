package org.margin.audit.log;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.margin.audit.entry.AuditEntry;
import org.margin.store.audit.AuditTrail;
import org.margin.store.tenant.TenantId;

/**
 * Writes entries to their tenant's chain with group commit: {@link #record} queues the entry and returns a stage that
 * completes, with the entry's sequence number, once the transaction holding it has committed. Each chain has its own
 * writer (a virtual thread, started when an entry arrives for a chain with none, gone when the chain's queue is
 * empty): it takes everything queued for the chain while its previous transaction was committing and appends it in
 * one call, one round trip. Chains do not wait for each other: under load many requests share one commit, at rest an
 * entry waits for its own commit only.
 *
 * <p>The database takes the chain's lock, reads its head and inserts within that one call, so instances of any
 * function appending to one chain at once keep a single order. Within one log, entries of a chain keep the order in
 * which they were recorded: a chain has at most one transaction in flight.
 */
public final class AuditLog implements AutoCloseable {

    /** The chain of actions that concern no institution, such as key management: the nil UUID. */
    public static final TenantId INSTALLATION = new TenantId(new UUID(0, 0));

    private static final int MAX_BATCH = 512;

    private record Pending(byte[] payload, CompletableFuture<Long> committed) {
    }

    private final AuditTrail trail;
    private final Clock clock;
    /** The chains with a writer, each with what is queued for it; guarded by itself. */
    private final Map<TenantId, ArrayDeque<Pending>> queues = new HashMap<>();
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
        Pending pending = new Pending(entry.canonicalBytes(), new CompletableFuture<>());
        synchronized (queues) {
            if (closed) {
                throw new IllegalStateException("the audit log is closed");
            }
            ArrayDeque<Pending> queue = queues.get(tenant);
            if (queue == null) {
                queue = new ArrayDeque<>();
                queues.put(tenant, queue);
                ArrayDeque<Pending> chain = queue;
                Thread.ofVirtual().name("margin-audit-writer").start(() -> write(tenant, chain));
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

    /** Refuses new records and waits until what is queued is written. */
    @Override
    public void close() {
        boolean interrupted = false;
        synchronized (queues) {
            closed = true;
            while (!queues.isEmpty()) {
                try {
                    queues.wait();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(TenantId tenant, ArrayDeque<Pending> queue) {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            synchronized (queues) {
                if (queue.isEmpty()) {
                    queues.remove(tenant);
                    queues.notifyAll();
                    return;
                }
                while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(queue.poll());
                }
            }
            append(tenant, batch);
            batch.clear();
        }
    }

    private void append(TenantId tenant, List<Pending> batch) {
        List<byte[]> payloads = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            payloads.add(pending.payload());
        }
        try {
            long seq = trail.append(tenant, clock.instant(), payloads) - batch.size();
            for (Pending pending : batch) {
                pending.committed().complete(++seq);
            }
        } catch (RuntimeException failure) {
            for (Pending pending : batch) {
                pending.committed().completeExceptionally(failure);
            }
        }
    }
}
