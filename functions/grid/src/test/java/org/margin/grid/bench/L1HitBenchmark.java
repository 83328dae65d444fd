package org.margin.grid.bench;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.FreePorts;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;
import org.margin.grid.tier.TieredCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A read answered by the near cache: pseudonym (HMAC-SHA256), lease check, near-cache lookup, access count and
 * the codec's copy. Sample-time mode times every call, so JMH prints the median and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
        "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED", "-Dhazelcast.logging.type=none", "-Xmx2g"})
public class L1HitBenchmark {

    private static final int STUDENTS = 1024;

    private LocalGrid members;
    private MetricsProbe metrics;
    private Grid grid;
    private TieredCache cache;
    private String[] ids;
    private int next;

    @Setup(Level.Trial)
    public void start() {
        members = LocalGrid.start("margin-bench-" + UUID.randomUUID(), FreePorts.base(1), 1);
        metrics = new MetricsProbe();
        grid = TestGrids.trusted(TestGrids.instanceOf(members).meter(metrics.meter()).build());
        VersionedStore store = new VersionedStore();
        ids = new String[STUDENTS];
        for (int student = 0; student < STUDENTS; student++) {
            ids[student] = "student-" + student;
            store.save(ids[student], new byte[512]);
        }
        cache = grid.cache("bench", store::load, store::save);
        for (int round = 0; round < 3; round++) {
            for (String id : ids) {
                cache.read(id);
            }
        }
        long l1Hits = metrics.sum("margin.grid.reads", "tier", "l1", "result", "hit");
        if (l1Hits < STUDENTS) {
            throw new IllegalStateException("the near cache holds " + l1Hits + " of " + STUDENTS + " students");
        }
    }

    @Benchmark
    public Optional<byte[]> l1Hit() {
        return cache.read(ids[next++ & (STUDENTS - 1)]);
    }

    @TearDown(Level.Trial)
    public void stop() {
        long misses = metrics.sum("margin.grid.reads", "tier", "l1", "result", "miss");
        if (misses > STUDENTS * 2L) {
            throw new IllegalStateException("reads left the near cache " + misses + " times: not an L1 benchmark");
        }
        grid.close();
        members.close();
        metrics.close();
    }
}
