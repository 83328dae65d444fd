package org.margin.grid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.FreePorts;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.tier.TieredCache;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.EvictionPolicy;

/**
 * The hit-rate load: two members, two function instances (clients with near caches), Zipf(0.99) over 100,000
 * students, 10% writes, for each near-cache eviction policy and size. Every student is read once first (the grid
 * of a running system holds every student read within its time to live), then a warm-up fills the near caches,
 * then the measured phase. Prints the share of reads answered by the near cache (L1), by the grid (L2), and by
 * either.
 *
 * <p>Arguments (all optional): {@code operations=200000 warmup=100000 sizes=10000,20000 threads=2 sweep=true};
 * {@code sweep=false} starts from an empty grid instead, which measures a cold start rather than the steady state.
 */
public final class HitRateProgram {

    private static final int STUDENTS = 100_000;
    private static final double EXPONENT = 0.99;
    private static final double WRITE_SHARE = 0.10;
    private static final int VALUE_BYTES = 512;

    private HitRateProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        int operations = intArgument(args, "operations", 200_000);
        int warmup = intArgument(args, "warmup", 100_000);
        int threads = intArgument(args, "threads", 2);
        boolean sweep = Boolean.parseBoolean(argument(args, "sweep", "true"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : argument(args, "sizes", "10000,20000").split(",")) {
            sizes.add(Integer.parseInt(size));
        }
        ConcurrentHashMap<String, byte[]> store = new ConcurrentHashMap<>();
        for (int student = 1; student <= STUDENTS; student++) {
            store.put("student-" + student, new byte[VALUE_BYTES]);
        }
        System.out.printf(Locale.ROOT, "students=%d zipf=%.2f writes=%.0f%% operations=%d (after %d warm-up) "
                        + "threads per instance=%d, every student read once first: %s%n", STUDENTS, EXPONENT,
                WRITE_SHARE * 100, operations, warmup, threads, sweep);
        System.out.println("policy  near-cache size  L1 hit  L2 hit  L1+L2 hit  store reads  ops/s");
        try (LocalGrid members = LocalGrid.start("margin-bench-" + UUID.randomUUID(), FreePorts.base(2), 2)) {
            for (int size : sizes) {
                for (EvictionPolicy policy : List.of(EvictionPolicy.LRU, EvictionPolicy.LFU)) {
                    run(members, store, policy, size, warmup, operations, threads, sweep);
                }
            }
        }
    }

    private static void run(LocalGrid members, ConcurrentHashMap<String, byte[]> store, EvictionPolicy policy,
                            int size, int warmup, int operations, int threads, boolean sweep)
            throws InterruptedException {
        String cacheName = ("zipf-" + policy + "-" + size).toLowerCase(Locale.ROOT);
        try (MetricsProbe metrics = new MetricsProbe();
             Grid instanceA = TestGrids.trusted(instance(members, metrics, policy, size));
             Grid instanceB = TestGrids.trusted(instance(members, metrics, policy, size))) {
            List<TieredCache> caches = List.of(
                    instanceA.cache(cacheName, id -> Optional.ofNullable(store.get(id)), store::put),
                    instanceB.cache(cacheName, id -> Optional.ofNullable(store.get(id)), store::put));
            if (sweep) {
                sweep(caches, threads);
            }
            drive(caches, warmup, threads, 1);
            long l1HitsBefore = metrics.sum("margin.grid.reads", "tier", "l1", "result", "hit");
            long l1MissesBefore = metrics.sum("margin.grid.reads", "tier", "l1", "result", "miss");
            long l2HitsBefore = metrics.sum("margin.grid.reads", "tier", "l2", "result", "hit");
            long l3Before = metrics.sum("margin.grid.reads", "tier", "l3");
            long started = System.nanoTime();
            drive(caches, operations, threads, 2);
            double seconds = (System.nanoTime() - started) / 1e9;
            long l1Hits = metrics.sum("margin.grid.reads", "tier", "l1", "result", "hit") - l1HitsBefore;
            long reads = l1Hits + metrics.sum("margin.grid.reads", "tier", "l1", "result", "miss") - l1MissesBefore;
            long l2Hits = metrics.sum("margin.grid.reads", "tier", "l2", "result", "hit") - l2HitsBefore;
            long storeReads = metrics.sum("margin.grid.reads", "tier", "l3") - l3Before;
            System.out.printf(Locale.ROOT, "%-7s %15d  %5.1f%%  %5.1f%%  %8.2f%%  %11d  %5.0f%n", policy, size,
                    100.0 * l1Hits / reads, 100.0 * l2Hits / reads, 100.0 * (l1Hits + l2Hits) / reads, storeReads,
                    operations / seconds);
        }
    }

    /**
     * Reads every student once, spread over the instances: the grid of a running system has seen every student
     * within its time to live, so the measured phase starts from that steady state rather than from an empty grid.
     */
    private static void sweep(List<TieredCache> caches, int threads) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (TieredCache cache : caches) {
            for (int thread = 0; thread < threads; thread++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int student = next.incrementAndGet(); student <= STUDENTS; student = next.incrementAndGet()) {
                        cache.read("student-" + student);
                    }
                }));
            }
        }
        for (Thread thread : workers) {
            thread.join();
        }
    }

    /** Runs {@code operations} spread over both instances, {@code threads} each, with a fixed seed per phase. */
    private static void drive(List<TieredCache> caches, int operations, int threads, long phase)
            throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(operations);
        List<Thread> workers = new ArrayList<>();
        int worker = 0;
        for (TieredCache cache : caches) {
            for (int thread = 0; thread < threads; thread++) {
                long seed = phase * 1_000 + worker++;
                workers.add(Thread.ofPlatform().start(() -> {
                    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
                    SharedStateDiscreteSampler zipf = RejectionInversionZipfSampler.of(random, STUDENTS, EXPONENT);
                    byte[] value = new byte[VALUE_BYTES];
                    while (remaining.getAndDecrement() > 0) {
                        String id = "student-" + zipf.sample();
                        if (random.nextDouble() < WRITE_SHARE) {
                            random.nextBytes(value);
                            cache.write(id, value.clone());
                        } else {
                            cache.read(id);
                        }
                    }
                }));
            }
        }
        for (Thread thread : workers) {
            thread.join();
        }
    }

    private static Grid instance(LocalGrid members, MetricsProbe metrics, EvictionPolicy policy, int size) {
        ClientConfig config = TestGrids.clientOf(members);
        config.getNearCacheConfig("margin.tier.*").getEvictionConfig().setEvictionPolicy(policy).setSize(size);
        return Grid.builder().clientConfig(config).pseudonymKey(TestGrids.PSEUDONYM_KEY).meter(metrics.meter())
                .build();
    }

    private static String argument(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static int intArgument(String[] args, String name, int fallback) {
        return Integer.parseInt(argument(args, name, String.valueOf(fallback)));
    }
}
