package org.margin.grid.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;

/**
 * {@link TieredCache#invalidateAll} across two function instances, each a client with its own near cache, against
 * two real members: values the store changed by other means are read afresh everywhere once it returns.
 */
class BulkInvalidationTest {

    private static LocalGrid members;
    private static MetricsProbe metricsA;
    private static MetricsProbe metricsB;
    private static Grid instanceA;
    private static Grid instanceB;

    @BeforeAll
    static void start() {
        members = TestGrids.members(2);
        metricsA = new MetricsProbe();
        metricsB = new MetricsProbe();
        instanceA = TestGrids.trusted(TestGrids.instanceOf(members).meter(metricsA.meter()).build());
        instanceB = TestGrids.trusted(TestGrids.instanceOf(members).meter(metricsB.meter()).build());
    }

    @AfterAll
    static void stop() {
        instanceA.close();
        instanceB.close();
        members.close();
        metricsA.close();
        metricsB.close();
    }

    @Test
    void aThousandKeysBuriedOnOneInstanceAreReadAfreshOnTheOther() {
        VersionedStore store = new VersionedStore();
        TieredCache onA = instanceA.cache("bulk", store::load, store::save);
        TieredCache onB = instanceB.cache("bulk", store::load, store::save);
        List<String> students = ids("student-", 1_000);
        students.forEach(student -> store.save(student, VersionedStore.version(1)));
        for (int read = 0; read < 3; read++) {
            students.forEach(onB::read);
        }
        students.forEach(student -> store.save(student, VersionedStore.version(2)));
        long staleBefore = students.stream().filter(student -> versionOn(onB, student) == 1).count();
        assertThat(staleBefore).as("B's near cache holds the old values until they are buried").isGreaterThan(900);

        WriteOutcome outcome = onA.invalidateAll(students);

        assertThat(outcome).isInstanceOf(WriteOutcome.Confirmed.class);
        assertThat(students).allSatisfy(student -> {
            assertThat(versionOn(onB, student)).isEqualTo(2);
            assertThat(versionOn(onA, student)).isEqualTo(2);
        });
        assertThat(metricsB.sum("margin.grid.invalidations", "cache", "bulk", "cause", "notice"))
                .as("one notice named every key to B").isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void noReaderSeesABuriedValueAfterTheBurialReturnsWhileFillsRace() throws InterruptedException {
        VersionedStore store = new VersionedStore();
        store.slowLoads(true);
        TieredCache onA = instanceA.cache("bulk-concurrent", store::load, store::save);
        TieredCache onB = instanceB.cache("bulk-concurrent", store::load, store::save);
        List<String> students = ids("student-", 50);
        students.forEach(student -> store.save(student, VersionedStore.version(0)));
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicBoolean burying = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> staleReads = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (TieredCache readerSide : List.of(onB, onA, onB, onB)) {
            readers.add(Thread.ofPlatform().start(() -> {
                while (burying.get()) {
                    String student = students.get(ThreadLocalRandom.current().nextInt(students.size()));
                    long mustSee = acknowledged.get();
                    long seen = versionOn(readerSide, student);
                    reads.incrementAndGet();
                    if (seen < mustSee) {
                        staleReads.add("read " + seen + " after burying " + mustSee);
                    }
                }
            }));
        }
        long l1HitsBefore = metricsB.sum("margin.grid.reads", "cache", "bulk-concurrent", "tier", "l1",
                "result", "hit");
        List<WriteOutcome> outcomes = new ArrayList<>();
        try {
            for (long round = 1; round <= 20; round++) {
                long version = round;
                students.forEach(student -> store.save(student, VersionedStore.version(version)));
                outcomes.add((round % 2 == 0 ? onA : onB).invalidateAll(students));
                acknowledged.set(round);
                TestGrids.sleep(200);
            }
        } finally {
            burying.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
        }

        assertThat(staleReads).isEmpty();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(WriteOutcome.Confirmed.class));
        assertThat(reads.get()).isGreaterThan(1_000);
        assertThat(metricsB.sum("margin.grid.reads", "cache", "bulk-concurrent", "tier", "l1", "result", "hit")
                - l1HitsBefore).as("near-cache hits happened between burials").isGreaterThan(300);
    }

    /**
     * Two instances bury overlapping sets at once while a third party writes single keys of the overlap: each
     * burial takes its locks as a set, so neither waits out the other (a deadlock would end in the lock's 10 s wait
     * and an unconfirmed outcome), and afterwards both instances read what the store holds.
     */
    @Test
    void overlappingBurialsAndWritesOfTheSameKeysAllComplete() {
        VersionedStore store = new VersionedStore();
        TieredCache onA = instanceA.cache("bulk-overlap", store::load, store::save);
        TieredCache onB = instanceB.cache("bulk-overlap", store::load, store::save);
        List<String> students = ids("student-", 1_000);
        students.forEach(student -> store.save(student, VersionedStore.version(1)));
        AtomicLong versions = new AtomicLong(1);
        for (int round = 0; round < 5; round++) {
            CompletableFuture<WriteOutcome> first = CompletableFuture.supplyAsync(
                    () -> onA.invalidateAll(students.subList(0, 600)));
            CompletableFuture<WriteOutcome> second = CompletableFuture.supplyAsync(
                    () -> onB.invalidateAll(students.subList(400, 1_000)));
            CompletableFuture<List<WriteOutcome>> writes = CompletableFuture.supplyAsync(() ->
                    IntStream.range(400, 450).mapToObj(index -> onB.write(students.get(index),
                            VersionedStore.version(versions.incrementAndGet()))).toList());

            assertThat(first.join()).isInstanceOf(WriteOutcome.Confirmed.class);
            assertThat(second.join()).isInstanceOf(WriteOutcome.Confirmed.class);
            assertThat(writes.join()).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(
                    WriteOutcome.Confirmed.class));
        }
        assertThat(students).allSatisfy(student -> {
            long stored = store.load(student).map(VersionedStore::versionOf).orElseThrow();
            assertThat(versionOn(onA, student)).isEqualTo(stored);
            assertThat(versionOn(onB, student)).isEqualTo(stored);
        });
    }

    @Test
    void nothingToBuryIsConfirmedAndANullIdIsRefused() {
        VersionedStore store = new VersionedStore();
        TieredCache onA = instanceA.cache("bulk-input", store::load, store::save);

        assertThat(onA.invalidateAll(List.of())).isInstanceOf(WriteOutcome.Confirmed.class);
        assertThatThrownBy(() -> onA.invalidateAll(Arrays.asList("student-1", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("an id to invalidate is null");
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(index -> prefix + index).toList();
    }

    private static long versionOn(TieredCache cache, String id) {
        return cache.read(id).map(VersionedStore::versionOf).orElse(-1L);
    }
}
