package org.margin.alerts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.profile.Metric;
import org.margin.store.profile.WritingMetrics;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * An institution built through the store's API on a real embedded PostgreSQL: a course with a teacher, a teaching
 * assistant, a teaching assistant whose enrolment ended, a student; and another course with its own teacher.
 */
public record TestWorld(Store store, TenantId tenant, CourseId course, CourseId otherCourse, PersonId teacher,
                        PersonId assistant, PersonId formerAssistant, PersonId otherTeacher, PersonId student) {

    public static final LocalDate TERM_START = LocalDate.parse("2026-09-01");
    public static final LocalDate TODAY = LocalDate.parse("2026-10-01");

    private static final Path DIRECTORY = Path.of("target", "test-databases", "run-" + ProcessHandle.current().pid())
            .toAbsolutePath();

    private static LocalDatabase database;

    /** One database per test JVM, under target/, started afresh; tests keep apart by tenant. */
    public static synchronized Store openStore() {
        if (database == null) {
            database = LocalDatabase.start(DIRECTORY);
        }
        // Patient timeouts: the first connection's handshake is slow on a machine shared with other builds.
        return database.storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** What a function built from its environment needs to reach the database {@link #openStore()} started. */
    public static synchronized Map<String, String> databaseEnvironment() {
        openStore().close();
        return LocalConnection.environment(DIRECTORY, database.port());
    }

    public static TestWorld create(Store store) {
        TenantId tenant = TenantId.random();
        store.institutions().register(tenant, "Institution " + tenant);
        CourseId course = store.courses().create(tenant, "ENG-" + UUID.randomUUID(), "Academic writing");
        CourseId other = store.courses().create(tenant, "HIS-" + UUID.randomUUID(), "History");
        PersonId teacher = person(store, tenant);
        PersonId assistant = person(store, tenant);
        PersonId formerAssistant = person(store, tenant);
        PersonId otherTeacher = person(store, tenant);
        PersonId student = person(store, tenant);
        store.enrollments().enroll(tenant, course, teacher, EnrollmentRole.TEACHER, TERM_START, Optional.empty());
        store.enrollments().enroll(tenant, course, assistant, EnrollmentRole.TEACHING_ASSISTANT, TERM_START,
                Optional.empty());
        store.enrollments().enroll(tenant, course, formerAssistant, EnrollmentRole.TEACHING_ASSISTANT, TERM_START,
                Optional.of(TODAY.minusDays(1)));
        store.enrollments().enroll(tenant, other, otherTeacher, EnrollmentRole.TEACHER, TERM_START, Optional.empty());
        store.enrollments().enroll(tenant, course, student, EnrollmentRole.STUDENT, TERM_START, Optional.empty());
        return new TestWorld(store, tenant, course, other, teacher, assistant, formerAssistant, otherTeacher,
                student);
    }

    public PersonId newStudent() {
        PersonId another = person(store, tenant);
        store.enrollments().enroll(tenant, course, another, EnrollmentRole.STUDENT, TERM_START, Optional.empty());
        return another;
    }

    public SubmissionId submit(PersonId who, Instant at) {
        return store.submissions().submit(tenant, new NewSubmission(course, who, at,
                Opaque.of("an essay".getBytes(StandardCharsets.UTF_8))));
    }

    /** Every metric at {@code base} (the type-token ratio, a ratio, at 0.5), but {@code metric} at {@code value}. */
    public static WritingMetrics metrics(double base, Metric metric, double value) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric each : Metric.values()) {
            values.put(each, base);
        }
        values.put(Metric.TYPE_TOKEN_RATIO, 0.5);
        values.put(metric, value);
        return new WritingMetrics(values);
    }

    private static PersonId person(Store store, TenantId tenant) {
        String lms = UUID.randomUUID().toString();
        return store.people().register(tenant, new PersonIdentity(
                opaque("lms:" + lms), Optional.empty(), Optional.empty(), Optional.empty(), opaque("lookup:" + lms),
                Optional.empty()));
    }

    private static Opaque opaque(String text) {
        return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
