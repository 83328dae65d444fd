package org.margin.integrity.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.similarity.SimilarityReport;
import org.margin.integrity.similarity.StoredCourseIndex;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * The check behind {@code check_similarity} against an embedded PostgreSQL holding a 10,000-essay course (the
 * same synthetic essays as the JMH {@code CheckSimilarityBenchmark}): files the course, then times checks of an
 * essay that copies a third of one filed essay and prints p50 and p99. Run with
 * {@code mvn -q -B -pl functions/academic-integrity test-compile exec:java}.
 */
public final class StoredCheckBenchmark {

    private static final int ESSAYS = 10_000;
    private static final int WORDS = 500;
    private static final int STUDENTS = 20;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 1_000;

    private StoredCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of("target", "bench-database", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        SimilarityCheck check = new SimilarityCheck(Winnowing.prose());
        try (LocalDatabase database = LocalDatabase.start(directory);
             Store store = database.storeBuilder().maxPoolSize(4).callTimeout(Duration.ofSeconds(60)).build()) {
            TenantId tenant = TenantId.random();
            store.institutions().register(tenant, "Benchmark institution");
            CourseId course = store.courses().create(tenant, "BENCH-1", "Benchmark course");
            List<PersonId> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                PersonId student = store.people().register(tenant, new PersonIdentity(opaque("lms"), Optional.empty(),
                        Optional.empty(), Optional.empty(), opaque("lookup:" + UUID.randomUUID()), Optional.empty()));
                store.enrollments().enroll(tenant, course, student, EnrollmentRole.STUDENT,
                        LocalDate.parse("2026-09-01"), Optional.empty());
                students.add(student);
            }
            SplittableRandom random = new SplittableRandom(42);
            String[] essays = new String[ESSAYS];
            for (int i = 0; i < ESSAYS; i++) {
                essays[i] = essay(random);
            }
            long filing = System.nanoTime();
            IntStream.range(0, ESSAYS).parallel().forEach(i -> {
                SubmissionId submission = store.submissions().submit(tenant, new NewSubmission(course,
                        students.get(i % STUDENTS), Instant.now(), opaque("essay " + i)));
                store.fingerprints().record(tenant, submission, check.winnowing().fingerprint(essays[i]).toStored());
            });
            System.out.printf(Locale.ROOT, "filed %d essays in %.0f s%n", ESSAYS, (System.nanoTime() - filing) / 1e9);
            String checked = essay(random) + " " + essays[0].substring(0, essays[0].length() / 3);
            StoredCourseIndex index = new StoredCourseIndex(store.fingerprints(), tenant, course);
            SimilarityReport report = check.check(checked, index, Optional.empty(), 5);
            if (report.bestSimilarity() < 0.2) {
                throw new IllegalStateException("the checked essay should match the one it copies from");
            }
            for (int i = 0; i < WARM_UP; i++) {
                check.check(checked, index, Optional.empty(), 5);
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                check.check(checked, index, Optional.empty(), 5);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "check against %d stored essays: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                            + "(n=%d, best similarity %.3f)%n", ESSAYS, nanos[MEASURED / 2] / 1e6,
                    nanos[(int) (MEASURED * 0.99)] / 1e6, nanos[MEASURED - 1] / 1e6, MEASURED,
                    report.bestSimilarity());
        }
    }

    /** Log-uniform ranks over a 5,000-word vocabulary, as in {@code CheckSimilarityBenchmark}. */
    private static String essay(SplittableRandom random) {
        StringBuilder text = new StringBuilder(WORDS * 7);
        for (int i = 0; i < WORDS; i++) {
            int rank = (int) Math.pow(5_000, random.nextDouble()) - 1;
            text.append("w").append(Integer.toString(rank, 36)).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString();
    }

    private static Opaque opaque(String text) {
        return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
