package org.margin.profiling.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.profile.Metric;
import org.margin.store.profile.WritingMetrics;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/** An institution built through the store's API: one course with a teacher and some students. */
public record School(Store store, TenantId tenant, CourseId course, PersonId teacher, List<PersonId> students) {

    public static final LocalDate TERM_START = LocalDate.parse("2026-09-01");

    public static School create(Store store, int studentCount) {
        TenantId tenant = TenantId.random();
        store.institutions().register(tenant, "Institution " + tenant);
        CourseId course = store.courses().create(tenant, "ENG-" + UUID.randomUUID(), "Academic writing");
        PersonId teacher = person(store, tenant);
        store.enrollments().enroll(tenant, course, teacher, EnrollmentRole.TEACHER, TERM_START, Optional.empty());
        List<PersonId> students = IntStream.range(0, studentCount).mapToObj(i -> {
            PersonId student = person(store, tenant);
            store.enrollments().enroll(tenant, course, student, EnrollmentRole.STUDENT, TERM_START, Optional.empty());
            return student;
        }).toList();
        return new School(store, tenant, course, teacher, students);
    }

    /** A second course in the same institution, with its own teacher and no students. */
    public CourseId otherCourse(PersonId teacher) {
        CourseId other = store.courses().create(tenant, "OTHER-" + UUID.randomUUID(), "Another course");
        store.enrollments().enroll(tenant, other, teacher, EnrollmentRole.TEACHER, TERM_START, Optional.empty());
        return other;
    }

    public PersonId person() {
        return person(store, tenant);
    }

    public SubmissionId submit(PersonId student, Instant at) {
        return store.submissions().submit(tenant, new NewSubmission(course, student, at,
                Opaque.of("essay".getBytes(StandardCharsets.UTF_8))));
    }

    /** Submits and records metrics whose every value is {@code value} (the type-token ratio a thousandth of it). */
    public SubmissionId submitAndRecord(PersonId student, Instant at, double value) {
        SubmissionId submission = submit(student, at);
        store.profiles().record(tenant, submission, metrics(value));
        return submission;
    }

    public static WritingMetrics metrics(double value) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, metric == Metric.TYPE_TOKEN_RATIO ? value / 1000 : value);
        }
        return new WritingMetrics(values);
    }

    private static PersonId person(Store store, TenantId tenant) {
        String lmsUser = UUID.randomUUID().toString();
        return store.people().register(tenant, new PersonIdentity(opaque("lms:" + lmsUser),
                Optional.of(opaque("name of " + lmsUser)), Optional.empty(), Optional.empty(),
                opaque("lookup:" + lmsUser), Optional.empty()));
    }

    private static Opaque opaque(String text) {
        return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
