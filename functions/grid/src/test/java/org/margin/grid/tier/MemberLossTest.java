package org.margin.grid.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/** Three members, one killed while clients write: nothing the grid acknowledged is lost. */
class MemberLossTest {

    @Test
    void noAcknowledgedEntryIsLostWhenAMemberDiesUnderLoad() throws InterruptedException {
        try (LocalGrid members = TestGrids.members(3)) {
            VersionedStore store = new VersionedStore();
            int filled = 2_000;
            for (int student = 0; student < filled; student++) {
                store.save("student-" + student, VersionedStore.version(student));
            }
            try (Grid before = TestGrids.trusted(TestGrids.instanceOf(members).build())) {
                TieredCache cache = before.cache("loss", store::load, store::save);
                for (int student = 0; student < filled; student++) {
                    cache.read("student-" + student);
                }
            }

            ClientConfig direct = TestGrids.clientOf(members);
            direct.getConnectionStrategyConfig().setAsyncStart(false);
            HazelcastInstance client = HazelcastClient.newHazelcastClient(direct);
            try {
                IMap<String, byte[]> map = client.getMap(TieredCache.MAP_PREFIX + "loss-direct");
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicInteger next = new AtomicInteger();
                long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                List<Thread> writers = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    writers.add(Thread.ofPlatform().start(() -> {
                        while (System.nanoTime() < until) {
                            String key = "entry-" + next.incrementAndGet();
                            try {
                                map.set(key, VersionedStore.version(key.hashCode()));
                                acknowledged.add(key);
                            } catch (RuntimeException notAcknowledged) {
                                // Failed calls were never acknowledged: nothing is owed for them.
                            }
                        }
                    }));
                }
                TestGrids.sleep(2_000);
                members.members().get(1).getLifecycleService().terminate();
                for (Thread writer : writers) {
                    writer.join();
                }

                assertThat(acknowledged).hasSizeGreaterThan(500);
                for (String key : acknowledged) {
                    assertThat(map.get(key)).as(key).isNotNull();
                }
            } finally {
                client.shutdown();
            }

            try (Grid after = TestGrids.trusted(TestGrids.instanceOf(members).build())) {
                TieredCache cache = after.cache("loss", store::load, store::save);
                long loads = store.loads();
                for (int student = 0; student < filled; student++) {
                    assertThat(cache.read("student-" + student)).map(VersionedStore::versionOf)
                            .contains((long) student);
                }
                assertThat(store.loads()).as("every value filled before the kill is still in the grid")
                        .isEqualTo(loads);
            }
        }
    }
}
