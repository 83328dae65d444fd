package org.margin.integrity.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
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
import org.margin.store.migration.Migrations;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.TenantId;

/**
 * The check behind {@code check_similarity} against an embedded PostgreSQL holding a 10,000-essay course (the
 * same synthetic essays as the JMH {@code CheckSimilarityBenchmark}), read as the tool reads it: through
 * {@code Store.actingFor} an educator who teaches the course (row-level security narrows the index to the
 * students they teach today), or an administrator. Times checks of an essay that copies a third of one filed
 * essay and prints p50 and p99 per actor.
 *
 * <p>Arguments: the database directory (default {@code target/bench-database/stored-check}) and the actors to
 * measure, comma-separated ({@code educator,administrator} by default; {@code service} reads as the event
 * reaction does). The course is filed on the first run only (minutes) and kept in the directory, so later runs,
 * also of a changed schema or statement, measure the same data:
 * {@code mvn -q -B -pl functions/academic-integrity test-compile exec:java -Dexec.args="DIR educator"}.
 */
public final class StoredCheckBenchmark {

    private static final int ESSAYS = 10_000;
    private static final int WORDS = 500;
    private static final int STUDENTS = 20;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 1_000;
    private static final String COURSE_FILE = "benchmark-course.properties";

    private StoredCheckBenchmark() {
    }

    /** The filed course and who reads it. */
    private record Course(TenantId tenant, CourseId course, PersonId educator, PersonId administrator) {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/bench-database/stored-check").toAbsolutePath();
        List<String> actors = List.of((args.length > 1 ? args[1] : "educator,administrator").split(","));
        SimilarityCheck check = new SimilarityCheck(Winnowing.prose());
        SplittableRandom random = new SplittableRandom(42);
        String[] essays = new String[ESSAYS];
        for (int i = 0; i < ESSAYS; i++) {
            essays[i] = essay(random);
        }
        String checked = essay(random) + " " + essays[0].substring(0, essays[0].length() / 3);
        try (LocalDatabase database = LocalDatabase.start(directory);
             Store store = database.storeBuilder().maxPoolSize(4).callTimeout(Duration.ofSeconds(60)).build()) {
            Course course = filed(directory).orElse(null);
            if (course == null) {
                course = file(store, check, essays);
                remember(directory, course);
            }
            vacuum(database);
            System.out.printf(Locale.ROOT, "load average %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (String actor : actors) {
                Store acting = store.actingFor(actor(actor.strip(), course));
                measure(actor.strip(), check, checked,
                        new StoredCourseIndex(acting.fingerprints(), course.tenant(), course.course()));
            }
        }
    }

    private static void measure(String actor, SimilarityCheck check, String checked, StoredCourseIndex index) {
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
        System.out.printf(Locale.ROOT, "check against %d stored essays as %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                        + "(n=%d, best similarity %.3f, matches %s)%n", ESSAYS, actor, nanos[MEASURED / 2] / 1e6,
                nanos[(int) (MEASURED * 0.99)] / 1e6, nanos[MEASURED - 1] / 1e6, MEASURED,
                report.bestSimilarity(), report.matches().stream()
                        .map(match -> String.format(Locale.ROOT, "%.4f/%d/%d", match.similarity(),
                                match.sharedFingerprints(), match.spans().size())).toList());
    }

    private static Actor actor(String name, Course course) {
        return switch (name) {
            case "educator" -> Actor.educator(course.educator());
            case "administrator" -> Actor.administrator(Optional.of(course.administrator()));
            case "service" -> Actor.SERVICE;
            default -> throw new IllegalArgumentException("actors are educator, administrator or service");
        };
    }

    private static Course file(Store store, SimilarityCheck check, String[] essays) {
        TenantId tenant = TenantId.random();
        store.institutions().register(tenant, "Benchmark institution");
        CourseId course = store.courses().create(tenant, "BENCH-1", "Benchmark course");
        LocalDate term = LocalDate.parse("2026-09-01");
        List<PersonId> students = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            PersonId student = person(store, tenant);
            store.enrollments().enroll(tenant, course, student, EnrollmentRole.STUDENT, term, Optional.empty());
            students.add(student);
        }
        PersonId educator = person(store, tenant);
        store.enrollments().enroll(tenant, course, educator, EnrollmentRole.TEACHER, term, Optional.empty());
        PersonId administrator = person(store, tenant);
        long filing = System.nanoTime();
        IntStream.range(0, ESSAYS).parallel().forEach(i -> {
            SubmissionId submission = store.submissions().submit(tenant, new NewSubmission(course,
                    students.get(i % STUDENTS), Instant.now(), opaque("essay " + i)));
            store.fingerprints().record(tenant, submission, check.winnowing().fingerprint(essays[i]).toStored());
            // As the function does after a filing: every filing reads the course's pending changes, so left to pile
            // up they made filing the course quadratic.
            store.indexCounts().applySoon(tenant);
        });
        store.indexCounts().apply(tenant);
        System.out.printf(Locale.ROOT, "filed %d essays in %.0f s%n", ESSAYS, (System.nanoTime() - filing) / 1e9);
        return new Course(tenant, course, educator, administrator);
    }

    private static PersonId person(Store store, TenantId tenant) {
        return store.people().register(tenant, new PersonIdentity(opaque("lms"), Optional.empty(),
                Optional.empty(), Optional.empty(), opaque("lookup:" + UUID.randomUUID()), Optional.empty()));
    }

    /** The course a previous run filed in this directory, if it finished filing. */
    private static Optional<Course> filed(Path directory) throws IOException {
        Path file = directory.resolve(COURSE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return Optional.of(new Course(new TenantId(UUID.fromString(properties.getProperty("tenant"))),
                new CourseId(UUID.fromString(properties.getProperty("course"))),
                new PersonId(UUID.fromString(properties.getProperty("educator"))),
                new PersonId(UUID.fromString(properties.getProperty("administrator")))));
    }

    private static void remember(Path directory, Course course) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("tenant", course.tenant().value().toString());
        properties.setProperty("course", course.course().value().toString());
        properties.setProperty("educator", course.educator().value().toString());
        properties.setProperty("administrator", course.administrator().value().toString());
        try (Writer writer = Files.newBufferedWriter(directory.resolve(COURSE_FILE))) {
            properties.store(writer, "the benchmark course filed in this database");
        }
    }

    /** Every run starts from the same state: visibility map current (index-only scans) and statistics fresh. */
    private static void vacuum(LocalDatabase database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password()); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + Migrations.SCHEMA);
            statement.execute("VACUUM (ANALYZE) fingerprints, fingerprint_frequencies, submissions, enrollments");
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
