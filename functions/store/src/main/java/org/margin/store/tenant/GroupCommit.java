package org.margin.store.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.margin.store.StoreException;

/**
 * Writes of one kind that concurrent callers make for a tenant, grouped so that many share one statement and one
 * transaction (a group commit). A caller's write joins the tenant's queue; while fewer than {@code maxInFlight}
 * groups of that tenant are being written, a group is taken from the queue at once, so a lone write waits for no
 * other and, under load, the writes that queue up while a group is in flight go together in the next one.
 *
 * <p>Reads of one kind are grouped the same way (one statement and one transaction for many callers' rows), though
 * they commit nothing.
 *
 * <p>Each caller gets its own result, or the failure of its own write: when a group is refused for a reason that
 * will not pass ({@link StoreException#retryable()} false), its writes are tried again one by one, so one bad write
 * does not fail the others; a group that failed for a reason that may pass (the store unavailable) fails every
 * write of it with that reason, and each caller may try again.
 *
 * @param <I> what a caller writes
 * @param <O> what the write gives back to that caller
 */
public final class GroupCommit<I, O> {

    /** Writes a group in one transaction and gives a result per item, in the items' order. */
    @FunctionalInterface
    public interface GroupWrite<I, O> {
        List<O> write(TenantId tenant, List<I> items);
    }

    private final GroupWrite<I, O> write;
    private final IntConsumer groupWritten;
    private final int maxItems;
    private final int maxInFlight;
    private final Map<TenantId, Lane<I, O>> lanes = new ConcurrentHashMap<>();

    /**
     * @param maxItems    the most writes one group takes
     * @param maxInFlight the most groups of one tenant written at once
     */
    public GroupCommit(GroupWrite<I, O> write, int maxItems, int maxInFlight) {
        this(write, maxItems, maxInFlight, size -> {
        });
    }

    /**
     * @param maxItems     the most writes one group takes
     * @param maxInFlight  the most groups of one tenant written at once
     * @param groupWritten told the size of every group written (a metric)
     */
    public GroupCommit(GroupWrite<I, O> write, int maxItems, int maxInFlight, IntConsumer groupWritten) {
        if (maxItems < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("a group takes at least one write and at least one group runs");
        }
        this.write = Objects.requireNonNull(write, "write");
        this.groupWritten = Objects.requireNonNull(groupWritten, "groupWritten");
        this.maxItems = maxItems;
        this.maxInFlight = maxInFlight;
    }

    /** Writes the item with others of the tenant's and waits for its own result. */
    public O write(TenantId tenant, I item) {
        Pending<I, O> pending = new Pending<>(item);
        Lane<I, O> lane = lanes.computeIfAbsent(tenant, Lane::new);
        lane.queue.add(pending);
        dispatch(lane);
        try {
            return pending.result.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private void dispatch(Lane<I, O> lane) {
        while (!lane.queue.isEmpty()) {
            int running = lane.inFlight.get();
            if (running >= maxInFlight) {
                // A group in flight dispatches again when it ends, and finds what queued meanwhile.
                return;
            }
            if (!lane.inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending<I, O>> group = new ArrayList<>();
            for (Pending<I, O> next; group.size() < maxItems && (next = lane.queue.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                lane.inFlight.decrementAndGet();
                continue;
            }
            Thread.ofVirtual().name("group-commit").start(() -> {
                try {
                    writeGroup(lane.tenant, group);
                } finally {
                    abandonUnanswered(group);
                    lane.inFlight.decrementAndGet();
                    dispatch(lane);
                }
            });
        }
    }

    /** No caller waits for ever, whatever ended its group; the failure is made only when one was left unanswered. */
    private static <I, O> void abandonUnanswered(List<Pending<I, O>> group) {
        List<Pending<I, O>> unanswered = group.stream().filter(pending -> !pending.result.isDone()).toList();
        if (!unanswered.isEmpty()) {
            IllegalStateException ended = new IllegalStateException("the group's write ended without a result");
            unanswered.forEach(pending -> pending.result.completeExceptionally(ended));
        }
    }

    private void writeGroup(TenantId tenant, List<Pending<I, O>> group) {
        groupWritten.accept(group.size());
        try {
            complete(group, write.write(tenant, group.stream().map(Pending::item).toList()));
        } catch (StoreException refused) {
            if (refused.retryable() || group.size() == 1) {
                group.forEach(pending -> pending.result.completeExceptionally(refused));
                return;
            }
            for (Pending<I, O> pending : group) {
                writeAlone(tenant, pending);
            }
        } catch (RuntimeException failed) {
            group.forEach(pending -> pending.result.completeExceptionally(failed));
        }
    }

    private void writeAlone(TenantId tenant, Pending<I, O> pending) {
        try {
            complete(List.of(pending), write.write(tenant, List.of(pending.item())));
        } catch (RuntimeException failed) {
            pending.result.completeExceptionally(failed);
        }
    }

    private static <I, O> void complete(List<Pending<I, O>> group, List<O> results) {
        if (results.size() != group.size()) {
            throw new IllegalStateException(results.size() + " results for a group of " + group.size());
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).result.complete(results.get(i));
        }
    }

    private record Pending<I, O>(I item, CompletableFuture<O> result) {
        Pending(I item) {
            this(item, new CompletableFuture<>());
        }
    }

    private static final class Lane<I, O> {
        private final TenantId tenant;
        private final Queue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();

        Lane(TenantId tenant) {
            this.tenant = tenant;
        }
    }
}
