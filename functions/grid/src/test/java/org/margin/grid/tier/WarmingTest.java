package org.margin.grid.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;
import org.margin.grid.warm.HotKeys;

/** A new instance fills its near cache with the keys that were hot before, without holding up its first read. */
class WarmingTest {

    private static final int HOT = 40;
    private static final int MOSTLY = HOT * 9 / 10;

    private static LocalGrid members;

    @BeforeAll
    static void start() {
        members = TestGrids.members(2);
    }

    @AfterAll
    static void stop() {
        members.close();
    }

    @Test
    void aNewInstanceAnswersThePreviouslyHotKeysFromItsNearCache() {
        VersionedStore store = new VersionedStore();
        IntStream.range(0, 200).forEach(student -> store.save("student-" + student, VersionedStore.version(student)));
        try (Grid earlier = TestGrids.trusted(TestGrids.instanceOf(members)
                .hotKeys(HOT, Duration.ofMillis(300)).build())) {
            TieredCache cache = earlier.cache("warm", store::load, store::save);
            IntStream.range(HOT, 200).forEach(student -> cache.read("student-" + student));
            for (int round = 0; round < 5; round++) {
                IntStream.range(0, HOT).forEach(student -> cache.read("student-" + student));
            }
            KeyPseudonyms pseudonyms = KeyPseudonyms.withKey(TestGrids.PSEUDONYM_KEY);
            awaitHotList(members, IntStream.range(0, HOT)
                    .mapToObj(student -> pseudonyms.of("warm", "student-" + student)).collect(Collectors.toSet()));
        }

        try (MetricsProbe metrics = new MetricsProbe();
             Grid later = TestGrids.instanceOf(members).meter(metrics.meter()).build()) {
            TieredCache cache = later.cache("warm", store::load, store::save);
            TestGrids.trusted(later);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // Nearly all: Hazelcast drops an entry whose partition saw a later invalidation, to be safe.
            while (metrics.sum("margin.grid.entries", "cache", "warm") < MOSTLY && System.nanoTime() < deadline) {
                TestGrids.sleep(20);
            }
            assertThat(metrics.sum("margin.grid.entries", "cache", "warm")).as("warmed entries")
                    .isBetween((long) MOSTLY, (long) HOT);
            long loads = store.loads();

            IntStream.range(0, HOT).forEach(student ->
                    assertThat(cache.read("student-" + student)).map(VersionedStore::versionOf).contains((long) student));

            assertThat(metrics.sum("margin.grid.reads", "cache", "warm", "tier", "l1", "result", "hit"))
                    .isGreaterThanOrEqualTo(MOSTLY);
            assertThat(store.loads()).isEqualTo(loads);
        }
    }

    @Test
    void theFirstReadIsServedByTheStoreBeforeTheGridIsConnected() {
        VersionedStore store = new VersionedStore();
        store.save("student-1", VersionedStore.version(1));
        try (MetricsProbe metrics = new MetricsProbe();
             Grid fresh = TestGrids.instanceOf(members).meter(metrics.meter()).build()) {
            TieredCache cache = fresh.cache("cold", store::load, store::save);

            assertThat(cache.read("student-1")).map(VersionedStore::versionOf).contains(1L);

            assertThat(store.loads()).isEqualTo(1);
            assertThat(metrics.sum("margin.grid.reads", "cache", "cold", "tier", "l1")).isZero();
            assertThat(fresh.trusted()).as("connecting goes on in the background").isFalse();
        }
    }

    /** Waits until the grid's list names exactly the keys read most. */
    private static void awaitHotList(LocalGrid members, Set<String> hottest) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String[] list = null;
        while (System.nanoTime() < deadline) {
            list = members.members().getFirst().<String, String[]>getMap(HotKeys.MAP)
                    .get(TieredCache.MAP_PREFIX + "warm");
            if (list != null && Set.of(list).equals(hottest)) {
                return;
            }
            TestGrids.sleep(50);
        }
        throw new AssertionError("the hot-key list names " + (list == null ? "nothing" : list.length + " other keys"));
    }
}
