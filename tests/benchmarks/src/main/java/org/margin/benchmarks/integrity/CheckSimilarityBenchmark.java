package org.margin.benchmarks.integrity;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.margin.integrity.similarity.MemoryCourseIndex;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.similarity.SimilarityReport;
import org.margin.integrity.winnowing.TextFingerprints;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.store.submission.SubmissionId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check behind {@code check_similarity} without its database: fingerprinting a 500-word essay, and the whole
 * check (fingerprint, candidate counts, spans) against an in-memory index of a 10,000-essay course in which one
 * essay shares a passage with the checked one. Essays are drawn from a 5,000-word vocabulary with Zipf-like
 * frequencies, so common word pairs recur across the course as they do in real essays on one topic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CheckSimilarityBenchmark {

    private static final int ESSAYS = 10_000;
    private static final int WORDS = 500;

    private SimilarityCheck check;
    private MemoryCourseIndex course;
    private String essay;

    @Setup
    public void fileTheCourse() {
        check = new SimilarityCheck(Winnowing.prose());
        course = new MemoryCourseIndex();
        SplittableRandom random = new SplittableRandom(42);
        String copied = null;
        for (int i = 0; i < ESSAYS; i++) {
            String text = essay(random);
            if (i == 0) {
                copied = text;
            }
            course.file(new SubmissionId(UUID.randomUUID()), check.winnowing().fingerprint(text));
        }
        essay = essay(random) + " " + copied.substring(0, copied.length() / 3);
        if (check.check(essay, course, Optional.empty(), 5).bestSimilarity() < 0.2) {
            throw new IllegalStateException("the checked essay should match the one it copies from");
        }
    }

    @Benchmark
    public TextFingerprints fingerprintAnEssay() {
        return check.winnowing().fingerprint(essay);
    }

    @Benchmark
    public SimilarityReport checkAgainstTenThousandEssays() {
        return check.check(essay, course, Optional.empty(), 5);
    }

    private static String essay(SplittableRandom random) {
        StringBuilder text = new StringBuilder(WORDS * 7);
        for (int i = 0; i < WORDS; i++) {
            // Log-uniform ranks: P(rank < r) grows as log r, Zipf's law with exponent 1.
            int rank = (int) Math.pow(5_000, random.nextDouble()) - 1;
            text.append("w").append(Integer.toString(rank, 36)).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString();
    }
}
