package org.margin.privacy.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.PiiDetector;
import org.margin.privacy.pii.institution.InstitutionIdRule;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scanning a 1,000-word essay with planted personal data, on one benchmark thread.
 *
 * <ul>
 *   <li>{@code latency}: the time of one scan, sampled, for its p99 (target: at most 1 ms);</li>
 *   <li>{@code throughput}: scans per second, with the UTF-8 bytes scanned counted alongside as
 *       {@code bytes} per second (target: at least 20 MB/s).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class PiiScanBenchmark {

    private PiiDetector detector;
    private String essay;
    private long essayBytes;

    @Setup(Level.Trial)
    public void setUp() {
        detector = PiiDetector.builder()
                .institutionIds(List.of(InstitutionIdRule.of("student-id", "S#{7}", "student id")))
                .build();
        essay = Essays.ofWords(1_000);
        essayBytes = essay.getBytes(StandardCharsets.UTF_8).length;
        if (detector.detect(essay).size() < 8) {
            throw new IllegalStateException("the essay's planted data was not found; the benchmark would mislead");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> latency() {
        return detector.detect(essay);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> throughput(ScannedBytes scanned) {
        scanned.bytes += essayBytes;
        return detector.detect(essay);
    }

    /** Bytes scanned, reported by JMH as a rate beside the operations. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class ScannedBytes {
        public long bytes;
    }
}
