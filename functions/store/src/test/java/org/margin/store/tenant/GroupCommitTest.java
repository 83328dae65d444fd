package org.margin.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreUnavailableException;

/**
 * The grouping itself, over a write that records what it was given: how writes are grouped, how many groups run at
 * once, and whose failure reaches whom. The statement that {@code lms-ingress} groups this way is tested against
 * PostgreSQL in {@code SourcedSubmissionsTest}.
 */
class GroupCommitTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final TenantId OTHER = new TenantId(UUID.randomUUID());

    @Test
    void aLoneWriteIsWrittenAtOnceAndAlone() {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        List<Integer> sizesObserved = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commit = new GroupCommit<>((tenant, items) -> {
            groups.add(items);
            return items.stream().map(item -> "written " + item).toList();
        }, 16, 2, sizesObserved::add);

        assertThat(commit.write(TENANT, 7)).isEqualTo("written 7");
        assertThat(commit.write(TENANT, 8)).isEqualTo("written 8");
        assertThat(groups).containsExactly(List.of(7), List.of(8));
        assertThat(sizesObserved).containsExactly(1, 1);
    }

    @Test
    void writesThatQueueWhileGroupsAreInFlightGoTogetherEachCallerGettingItsOwnResult() throws Exception {
        CountDownLatch firstGroupsHeld = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>((tenant, items) -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            groups.add(items);
            try {
                firstGroupsHeld.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            running.decrementAndGet();
            return items.stream().map(item -> item * 10).toList();
        }, 8, 2);

        // A thread that waits for a class to be initialised by another looks like one that waits for its write: one
        // write through another grouping first loads what every write uses.
        assertThat(new GroupCommit<Integer, Integer>((tenant, items) -> items, 8, 2).write(OTHER, 1)).isEqualTo(1);
        List<Thread> callerThreads = Collections.synchronizedList(new ArrayList<>());
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = IntStream.range(0, 40)
                    .mapToObj(i -> callers.submit(() -> {
                        callerThreads.add(Thread.currentThread());
                        return commit.write(TENANT, i);
                    })).toList();
            // A caller waits only once its write has queued, or is in one of the groups held; on a busy machine
            // some took longer than any fixed pause to get there, and a group taken before they had queued was
            // smaller than the test means.
            awaitAllWaiting(callerThreads, 40);
            firstGroupsHeld.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
            }
        }
        assertThat(mostRunning.get()).as("groups of one tenant written at once").isEqualTo(2);
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(8));
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(40);
        assertThat(groups.size()).as("40 writes in few groups").isLessThanOrEqualTo(2 + 5);
    }

    private static void awaitAllWaiting(List<Thread> threads, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.size() < expected || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("every caller queued within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void eachTenantsWritesAreGroupedApart() throws Exception {
        List<String> mixed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger groups = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>((tenant, items) -> {
            groups.incrementAndGet();
            int parity = tenant.equals(TENANT) ? 0 : 1;
            items.stream().filter(item -> item % 2 != parity).forEach(item -> mixed.add(tenant + " got " + item));
            return items;
        }, 64, 1);

        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = IntStream.range(0, 400)
                    .mapToObj(i -> callers.submit(() -> commit.write(i % 2 == 0 ? TENANT : OTHER, i))).toList();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        assertThat(mixed).isEmpty();
        assertThat(groups.get()).as("some writes were grouped").isLessThan(400);
    }

    @Test
    void aWriteRefusedForGoodFailsOnlyItsOwnCaller() throws Exception {
        CountDownLatch queued = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>((tenant, items) -> {
            groups.add(items);
            try {
                queued.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (items.contains(13)) {
                throw new StoreRejectedException("submission refused", "23503",
                        StoreRejectedException.Reason.MISSING_REFERENCE, "");
            }
            return items;
        }, 64, 1);

        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = callers.submit(() -> commit.write(TENANT, 1));
            Thread.sleep(100);
            List<Future<Integer>> grouped = List.of(12, 13, 14).stream()
                    .map(i -> callers.submit(() -> commit.write(TENANT, i))).toList();
            Thread.sleep(100);
            queued.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(grouped.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(12);
            assertThatThrownBy(() -> grouped.get(1).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(StoreRejectedException.class);
            assertThat(grouped.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(14);
        }
        assertThat(groups).contains(List.of(1), List.of(12), List.of(13), List.of(14));
        assertThat(groups.get(1)).as("the three were tried together first").hasSize(3);
    }

    @Test
    void aGroupThatMaySucceedLaterFailsEveryWriteOfItWithThatReason() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>((tenant, items) -> {
            throw new StoreUnavailableException("the store is unavailable", "08006");
        }, 64, 1);

        assertThatThrownBy(() -> commit.write(TENANT, 1)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aWriteThatGivesTheWrongNumberOfResultsFailsItsCallersInsteadOfLeavingThemWaiting() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>((tenant, items) -> List.of(), 64, 1);

        assertThatThrownBy(() -> commit.write(TENANT, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 results for a group of 1");
    }
}
