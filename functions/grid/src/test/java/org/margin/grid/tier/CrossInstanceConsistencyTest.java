package org.margin.grid.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * Two function instances, each a client with its own near cache, against two real members: a write acknowledged
 * on one is what the other reads next, even when the other held the old value in its near cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceConsistencyTest {

    private LocalGrid members;
    private MetricsProbe metricsA;
    private MetricsProbe metricsB;
    private Grid instanceA;
    private Grid instanceB;

    @BeforeAll
    void start() {
        members = TestGrids.members(2);
        metricsA = new MetricsProbe();
        metricsB = new MetricsProbe();
        instanceA = TestGrids.trusted(TestGrids.instanceOf(members).meter(metricsA.meter()).build());
        instanceB = TestGrids.trusted(instanceB(members).meter(metricsB.meter()).build());
    }

    /** How instance B reaches the grid: here a client of its own, like A. */
    Grid.Builder instanceB(LocalGrid members) {
        return TestGrids.instanceOf(members);
    }

    @AfterAll
    void stop() {
        instanceA.close();
        instanceB.close();
        members.close();
        metricsA.close();
        metricsB.close();
    }

    @Test
    void aWriteOnOneInstanceIsReadOnTheOtherImmediately() {
        VersionedStore store = new VersionedStore();
        TieredCache onA = instanceA.cache("sequential", store::load, store::save);
        TieredCache onB = instanceB.cache("sequential", store::load, store::save);
        long l1HitsBefore = metricsB.sum("margin.grid.reads", "cache", "sequential", "tier", "l1", "result", "hit");
        for (int round = 1; round <= 300; round++) {
            String student = "student-" + (round % 20);
            long before = 2L * round;
            long after = before + 1;
            onA.write(student, VersionedStore.version(before));
            onB.read(student);
            onB.read(student);
            // The third read on B is answered by its near cache, which now holds `before`.
            assertThat(onB.read(student)).map(VersionedStore::versionOf).contains(before);

            WriteOutcome outcome = onA.write(student, VersionedStore.version(after));

            assertThat(outcome).isInstanceOf(WriteOutcome.Confirmed.class);
            assertThat(onB.read(student)).map(VersionedStore::versionOf).contains(after);
        }
        long l1Hits = metricsB.sum("margin.grid.reads", "cache", "sequential", "tier", "l1", "result", "hit")
                - l1HitsBefore;
        assertThat(l1Hits).as("B's near cache answered the reads between writes").isGreaterThan(250);
    }

    /**
     * The control: the same sequence on Hazelcast's near caches alone, with invalidate-on-change, does serve the old
     * value after the write returned. This is what the write notices are for, and it shows that the scenario above
     * would catch their absence.
     */
    @Test
    void withoutWriteNoticesTheOtherNearCacheServesTheOldValue() {
        HazelcastInstance clientA = connectedClient();
        HazelcastInstance clientB = connectedClient();
        try {
            IMap<String, byte[]> onA = clientA.getMap(TieredCache.MAP_PREFIX + "control");
            IMap<String, byte[]> onB = clientB.getMap(TieredCache.MAP_PREFIX + "control");
            int staleReads = 0;
            for (long round = 1; round <= 200; round++) {
                onA.set("key", VersionedStore.version(2 * round));
                onB.get("key");
                onB.get("key");
                onA.set("key", VersionedStore.version(2 * round + 1));
                if (VersionedStore.versionOf(onB.get("key")) != 2 * round + 1) {
                    staleReads++;
                }
            }
            assertThat(staleReads).isPositive();
        } finally {
            clientA.shutdown();
            clientB.shutdown();
        }
    }

    private HazelcastInstance connectedClient() {
        ClientConfig config = TestGrids.clientOf(members);
        config.getConnectionStrategyConfig().setAsyncStart(false);
        return HazelcastClient.newHazelcastClient(config);
    }

    @Test
    void aWriteWhoseStoreFailedAfterCommittingLeavesNoInstanceWithTheOldValue() {
        VersionedStore store = new VersionedStore();
        TieredCache onA = instanceA.cache("failing", store::load, store::save);
        TieredCache onB = instanceB.cache("failing", store::load, store::save);
        onA.write("student-1", VersionedStore.version(1));
        for (int read = 0; read < 3; read++) {
            assertThat(onB.read("student-1")).map(VersionedStore::versionOf).contains(1L);
        }

        store.failNextSaveAfterStoring();
        assertThatThrownBy(() -> onA.write("student-1", VersionedStore.version(2)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(onB.read("student-1")).map(VersionedStore::versionOf).contains(2L);
        assertThat(onA.read("student-1")).map(VersionedStore::versionOf).contains(2L);
    }

    @Test
    void noInstanceReadsAValueOlderThanAnAcknowledgedWriteUnderConcurrency() throws InterruptedException {
        VersionedStore store = new VersionedStore();
        store.slowLoads(true);
        TieredCache onA = instanceA.cache("concurrent", store::load, store::save);
        TieredCache onB = instanceB.cache("concurrent", store::load, store::save);
        int students = 16;
        Readers readers = new Readers(students);
        AtomicLongArray acknowledged = readers.acknowledged;
        AtomicLong versions = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong refusedWrites = new AtomicLong();
        int writesPerWriter = 150;
        AtomicLong writersDone = new AtomicLong();
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();

        List<Thread> threads = new ArrayList<>();
        for (TieredCache writerSide : List.of(onA, onB)) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int write = 0; write < writesPerWriter && System.nanoTime() < giveUp; write++) {
                    int student = ThreadLocalRandom.current().nextInt(students);
                    long version = versions.incrementAndGet();
                    try {
                        writerSide.write("student-" + student, VersionedStore.version(version));
                        acknowledged.accumulateAndGet(student, version, Math::max);
                    } catch (VersionedStore.StaleWrite lostTheRace) {
                        refusedWrites.incrementAndGet();
                    }
                    writes.incrementAndGet();
                }
                writersDone.incrementAndGet();
            }));
        }
        for (TieredCache readerSide : List.of(onA, onB, onB, onA, onB)) {
            threads.add(readers.start(readerSide, () -> writersDone.get() < 2));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(readers.staleReads).isEmpty();
        assertThat(writes.get()).isEqualTo(2L * writesPerWriter);
        assertThat(refusedWrites.get()).as("most writes were acknowledged").isLessThan(writes.get() / 2);
        assertThat(readers.reads.get()).isGreaterThan(2_000);
        assertThat(metricsB.sum("margin.grid.reads", "cache", "concurrent", "tier", "l1", "result", "hit"))
                .as("near-cache hits happened between writes").isGreaterThan(1_000);
    }

    /**
     * A value derived from rows that change (a profile after each submission) is invalidated far more often than
     * read. Burying it again before anyone read it takes no round of notices; a read between brings the round back;
     * and either way the next read anywhere is the store's latest.
     */
    @Test
    void aKeyBuriedAgainBeforeAnyReadTakesNoRoundOfNotices() {
        VersionedStore store = new VersionedStore();
        TieredCache onA = instanceA.cache("derived", store::load);
        TieredCache onB = instanceB.cache("derived", store::load);
        store.save("student-1", VersionedStore.version(1));
        for (int read = 0; read < 3; read++) {
            assertThat(onB.read("student-1")).map(VersionedStore::versionOf).contains(1L);
        }

        long noticesBefore = noticesOnB("derived");
        for (long version = 2; version <= 21; version++) {
            store.save("student-1", VersionedStore.version(version));
            assertThat(onA.invalidate("student-1")).isInstanceOf(WriteOutcome.Confirmed.class);
        }
        assertThat(noticesOnB("derived") - noticesBefore).as("only the first burial found a value to chase")
                .isEqualTo(1);
        assertThat(onB.read("student-1")).map(VersionedStore::versionOf).contains(21L);

        noticesBefore = noticesOnB("derived");
        for (long version = 22; version <= 61; version++) {
            onB.read("student-1");
            assertThat(onB.read("student-1")).map(VersionedStore::versionOf).contains(version - 1);
            store.save("student-1", VersionedStore.version(version));
            assertThat(onA.invalidate("student-1")).isInstanceOf(WriteOutcome.Confirmed.class);
            assertThat(onB.read("student-1")).map(VersionedStore::versionOf).contains(version);
        }
        assertThat(noticesOnB("derived") - noticesBefore).as("each burial after a read chased the value read")
                .isEqualTo(40);
    }

    @Test
    void noInstanceReadsAValueOlderThanAnAcknowledgedInvalidationUnderConcurrency() throws InterruptedException {
        VersionedStore store = new VersionedStore();
        store.slowLoads(true);
        TieredCache onA = instanceA.cache("derived-concurrent", store::load);
        TieredCache onB = instanceB.cache("derived-concurrent", store::load);
        int students = 8;
        Readers readers = new Readers(students);
        AtomicLongArray acknowledged = readers.acknowledged;
        AtomicLong versions = new AtomicLong();
        int burialsPerWriter = 150;
        AtomicLong writersDone = new AtomicLong();

        List<Thread> threads = new ArrayList<>();
        for (TieredCache writerSide : List.of(onA, onB)) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int burial = 0; burial < burialsPerWriter; burial++) {
                    int student = ThreadLocalRandom.current().nextInt(students);
                    long version;
                    // The store's rows change, then the derived value is buried: the writer's own order.
                    synchronized (store) {
                        version = versions.incrementAndGet();
                        store.save("student-" + student, VersionedStore.version(version));
                    }
                    if (writerSide.invalidate("student-" + student) instanceof WriteOutcome.Confirmed) {
                        acknowledged.accumulateAndGet(student, version, Math::max);
                    }
                }
                writersDone.incrementAndGet();
            }));
        }
        for (TieredCache readerSide : List.of(onA, onB, onB)) {
            threads.add(readers.start(readerSide, () -> writersDone.get() < 2));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(readers.staleReads).isEmpty();
        assertThat(readers.reads.get()).isGreaterThan(500);
        assertThat(metricsB.sum("margin.grid.reads", "cache", "derived-concurrent", "tier", "l1", "result", "hit"))
                .as("near-cache hits happened between burials").isPositive();
    }

    private long noticesOnB(String cache) {
        return metricsB.sum("margin.grid.invalidations", "cache", cache, "cause", "notice");
    }

    /** Readers that compare every read with the versions acknowledged before it began, until told to stop. */
    private static final class Readers {
        final AtomicLongArray acknowledged;
        final AtomicLong reads = new AtomicLong();
        final ConcurrentLinkedQueue<String> staleReads = new ConcurrentLinkedQueue<>();

        Readers(int students) {
            acknowledged = new AtomicLongArray(students);
        }

        Thread start(TieredCache side, BooleanSupplier running) {
            return Thread.ofPlatform().start(() -> {
                while (running.getAsBoolean()) {
                    int student = ThreadLocalRandom.current().nextInt(acknowledged.length());
                    long mustSee = acknowledged.get(student);
                    long seen = side.read("student-" + student).map(VersionedStore::versionOf).orElse(0L);
                    reads.incrementAndGet();
                    if (seen < mustSee) {
                        staleReads.add("read " + seen + " after " + mustSee + " was acknowledged");
                    }
                }
            });
        }
    }
}
