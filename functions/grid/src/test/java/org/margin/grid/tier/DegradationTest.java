package org.margin.grid.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.margin.grid.Grid;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.FreePorts;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;

/**
 * The grid goes away and comes back; reads never stop working, and the tiers fill again by themselves. For an
 * instance with a client of its own, and for one on a member of its own process (which comes back as a new member of
 * the same cluster).
 */
class DegradationTest {

    private static final int STUDENTS = 50;
    /**
     * Near-cache hits expected of a round over every student: nearly all, since Hazelcast drops an entry whose
     * partition saw a later invalidation than the entry (even one for another key), to be safe.
     */
    private static final int MOSTLY = STUDENTS * 9 / 10;

    @ParameterizedTest(name = "in-process: {0}")
    @ValueSource(booleans = {false, true})
    void readsAreServedByTheStoreWhileTheGridIsDownAndTheTiersRecoverWhenItReturns(boolean inProcess) {
        String cluster = "margin-test-" + UUID.randomUUID();
        int port = FreePorts.base(2);
        VersionedStore store = new VersionedStore();
        IntStream.range(0, STUDENTS).forEach(student -> store.save("student-" + student, VersionedStore.version(student)));
        LocalGrid members = LocalGrid.start(cluster, port, 2);
        try (MetricsProbe metrics = new MetricsProbe();
             Grid grid = TestGrids.trusted((inProcess ? TestGrids.inProcessOf(members) : TestGrids.instanceOf(members))
                     .meter(metrics.meter()).build())) {
            TieredCache cache = grid.cache("outage", store::load, store::save);
            awaitFilled(cache, store);
            long loadsWhileUp = store.loads();
            readAll(cache);
            assertThat(store.loads()).as("the tiers held every student before the outage").isEqualTo(loadsWhileUp);
            assertThat(l1Hits(metrics)).isGreaterThanOrEqualTo(MOSTLY);

            members.terminate();
            // The near cache may answer until the client notices, and never longer than the lease.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (grid.trusted() && System.nanoTime() < deadline) {
                TestGrids.sleep(10);
            }
            long loadsBefore = store.loads();
            for (int round = 0; round < 5; round++) {
                readAll(cache);
            }
            assertThat(store.loads() - loadsBefore).as("the store answered every read during the outage")
                    .isEqualTo(5L * STUDENTS);
            assertThat(cache.write("written-in-outage", VersionedStore.version(1_000)))
                    .isInstanceOf(WriteOutcome.Unconfirmed.class);

            members = LocalGrid.start(cluster, port, 2);
            TestGrids.trusted(grid);
            awaitTombstone(members, KeyPseudonyms.withKey(TestGrids.PSEUDONYM_KEY).of("outage", "written-in-outage"));
            assertThat(cache.read("written-in-outage")).map(VersionedStore::versionOf).contains(1_000L);
            awaitFilled(cache, store);
            long loadsAfterRefill = store.loads();
            long l1HitsAfterRefill = l1Hits(metrics);
            readAll(cache);
            readAll(cache);
            assertThat(store.loads()).as("the refilled tiers answer without the store").isEqualTo(loadsAfterRefill);
            assertThat(l1Hits(metrics) - l1HitsAfterRefill).isGreaterThanOrEqualTo(MOSTLY);
        } finally {
            members.close();
        }
    }

    /** The write the grid missed during the outage is buried once the grid is back. */
    private static void awaitTombstone(LocalGrid members, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            byte[] entry = members.members().getFirst().<String, byte[]>getMap(TieredCache.MAP_PREFIX + "outage").get(key);
            if (entry != null && entry[0] == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the missed write was not buried");
            }
            TestGrids.sleep(50);
        }
    }

    /**
     * Reads every student until a round needs the store for none of them. A cache binds to the grid once its lease is
     * held, and a first call that times out on a busy machine (a fresh client still learning the partitions) sends
     * reads to the store until the cache binds again or its breaker closes: the tiers fill by themselves, not at once.
     */
    private static void awaitFilled(TieredCache cache, VersionedStore store) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            long before = store.loads();
            readAll(cache);
            if (store.loads() == before) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tiers did not fill within 30 s");
            }
            TestGrids.sleep(100);
        }
    }

    private static void readAll(TieredCache cache) {
        for (int student = 0; student < STUDENTS; student++) {
            assertThat(cache.read("student-" + student)).map(VersionedStore::versionOf).contains((long) student);
        }
    }

    private static long l1Hits(MetricsProbe metrics) {
        return metrics.sum("margin.grid.reads", "cache", "outage", "tier", "l1", "result", "hit");
    }
}
