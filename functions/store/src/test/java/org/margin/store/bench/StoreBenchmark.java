package org.margin.store.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.profile.ClassDistribution;
import org.margin.store.profile.TimeWindow;

/**
 * The store's speed targets, measured against an embedded PostgreSQL holding 1,000,000 analysed submissions of
 * 100,000 students (seeded on first run, kept for the next):
 * <ul>
 *   <li>a profile read that no cache answers: p99 at most 5 ms;</li>
 *   <li>a course's distribution of every metric (class analytics): p99 at most 20 ms;</li>
 *   <li>1,000 concurrent requests over a pool of 20 connections: no error.</li>
 * </ul>
 * Every read goes through the public {@link Store} API as the application role, row-level security included.
 * Run from the repository root: {@code mvn -q -B -pl functions/store test-compile exec:java}; the first argument,
 * if any, is the data directory (default {@code .margin/bench/store}).
 */
public final class StoreBenchmark {

    private static final int PROFILE_READS = 20_000;
    private static final int CLASS_READS = 2_000;
    private static final int CONCURRENT_REQUESTS = 1_000;
    private static final int CONCURRENT_ROUNDS = 10;
    private static final int POOL_SIZE = 20;
    // Pseudonyms are digests; computing them outside the timed calls keeps the hashing out of the figures.
    private static final PersonId[] STUDENTS = IntStream.range(0, BenchmarkData.STUDENTS)
            .mapToObj(i -> new PersonId(BenchmarkData.student(i))).toArray(PersonId[]::new);
    private static final CourseId[] COURSES = IntStream.range(0, BenchmarkData.COURSES)
            .mapToObj(i -> new CourseId(BenchmarkData.course(i))).toArray(CourseId[]::new);

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : ".margin/bench/store").toAbsolutePath();
        System.out.println("store benchmark: database in " + directory);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + load());
        boolean failed = false;
        try (LocalDatabase database = LocalDatabase.start(directory)) {
            long started = System.nanoTime();
            if (BenchmarkData.ensureSeeded(database)) {
                System.out.printf("seeded in %.0f s%n", (System.nanoTime() - started) / 1e9);
            }
            try (Store store = database.storeBuilder().maxPoolSize(POOL_SIZE).callTimeout(Duration.ofSeconds(10))
                    .build()) {
                SplittableRandom random = new SplittableRandom(2026);

                Latencies profiles = sequential(PROFILE_READS, i -> readProfile(store, random.nextInt(
                        BenchmarkData.STUDENTS)));
                failed |= report("profile read (no cache), sequential", profiles, 5);

                Latencies classes = sequential(CLASS_READS, i -> readClass(store, random.nextInt(
                        BenchmarkData.COURSES)));
                failed |= report("class analytics (14 metrics, ~500 submissions), sequential", classes, 20);

                Latencies concurrent = new Latencies(CONCURRENT_REQUESTS * CONCURRENT_ROUNDS);
                int errors = 0;
                for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
                    errors += concurrentRound(store, concurrent, random.split());
                }
                System.out.printf("%-62s %s  errors=%d%n", "1,000 concurrent profile reads, pool of 20 (x10)",
                        concurrent.summary(), errors);
                failed |= errors > 0;
            }
        }
        System.out.println("machine after the run: " + load());
        System.out.println(failed ? "store benchmark: a target was missed" : "store benchmark: every target met");
        System.exit(failed ? 1 : 0);
    }

    private static void readProfile(Store store, int student) {
        if (store.profiles().profile(BenchmarkData.TENANT, STUDENTS[student],
                Consistency.READ_YOUR_WRITES).isEmpty()) {
            throw new IllegalStateException("a seeded student has no profile");
        }
    }

    private static void readClass(Store store, int course) {
        if (!(store.classAnalytics().distribution(BenchmarkData.TENANT, COURSES[course],
                TimeWindow.always(), 5, Consistency.READ_YOUR_WRITES) instanceof ClassDistribution.Available)) {
            throw new IllegalStateException("a seeded course has no distribution");
        }
    }

    /** Runs a tenth of the calls as warm-up (JIT, pool, plan cache), then times each of the rest. */
    private static Latencies sequential(int calls, IntConsumer call) {
        for (int i = 0; i < calls / 10; i++) {
            call.accept(i);
        }
        Latencies latencies = new Latencies(calls);
        CpuMeter.Sample before = CpuMeter.now();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            call.accept(i);
            latencies.add(System.nanoTime() - started);
        }
        latencies.cpu(CpuMeter.perCall(before, CpuMeter.now(), calls));
        return latencies;
    }

    /** Releases 1,000 virtual threads at once, each making one profile read; returns how many failed. */
    private static int concurrentRound(Store store, Latencies latencies, SplittableRandom random)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger errors = new AtomicInteger();
        List<Integer> students = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            students.add(random.nextInt(BenchmarkData.STUDENTS));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int student : students) {
                threads.submit(() -> {
                    start.await();
                    long started = System.nanoTime();
                    try {
                        readProfile(store, student);
                        latencies.add(System.nanoTime() - started);
                    } catch (RuntimeException failure) {
                        errors.incrementAndGet();
                        System.out.println("  error: " + failure);
                    }
                    return null;
                });
            }
            start.countDown();
        }
        return errors.get();
    }

    /** The load averages, which tell how much of the machine other processes held while this ran. */
    private static String load() throws IOException {
        Path loadAverage = Path.of("/proc/loadavg");
        if (!Files.exists(loadAverage)) {
            return "load average unknown";
        }
        String[] fields = Files.readString(loadAverage).split(" ");
        return "load average " + String.join(" ", Arrays.copyOf(fields, 3));
    }

    private static boolean report(String name, Latencies latencies, double p99TargetMillis) {
        double p99 = latencies.percentileMillis(0.99);
        boolean missed = p99 > p99TargetMillis;
        System.out.printf("%-62s %s  target p99<=%.0f ms: %s%n%-62s %s%n", name, latencies.summary(),
                p99TargetMillis, missed ? "MISSED" : "met", "", latencies.cpu());
        return missed;
    }
}
