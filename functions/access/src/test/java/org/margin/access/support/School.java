package org.margin.access.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * One institution, built through the store's API, around today: course A taught by {@code teacher} (and, until
 * yesterday, by {@code formerTeacher}), course B taught by {@code otherTeacher}. {@code student} takes A now,
 * {@code otherStudent} takes B, {@code leaver} took A until yesterday, {@code newcomer} starts A tomorrow. Every
 * student has one submission in their course.
 */
public record School(TenantId tenant, CourseId courseA, CourseId courseB, PersonId teacher, PersonId formerTeacher,
                     PersonId otherTeacher, PersonId student, PersonId otherStudent, PersonId leaver,
                     PersonId newcomer, SubmissionId studentWork, SubmissionId otherStudentWork,
                     SubmissionId leaverWork, SubmissionId newcomerWork) {

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static School create(Store store) {
        LocalDate today = today();
        LocalDate termStart = today.minusDays(60);
        TenantId tenant = TenantId.random();
        store.institutions().register(tenant, "Institution " + tenant);
        CourseId a = store.courses().create(tenant, "A-" + UUID.randomUUID(), "Academic writing");
        CourseId b = store.courses().create(tenant, "B-" + UUID.randomUUID(), "Creative writing");
        PersonId teacher = person(store, tenant);
        PersonId formerTeacher = person(store, tenant);
        PersonId otherTeacher = person(store, tenant);
        PersonId student = person(store, tenant);
        PersonId otherStudent = person(store, tenant);
        PersonId leaver = person(store, tenant);
        PersonId newcomer = person(store, tenant);
        store.enrollments().enroll(tenant, a, teacher, EnrollmentRole.TEACHER, termStart, Optional.empty());
        store.enrollments().enroll(tenant, a, formerTeacher, EnrollmentRole.TEACHING_ASSISTANT, termStart,
                Optional.of(today.minusDays(1)));
        store.enrollments().enroll(tenant, b, otherTeacher, EnrollmentRole.TEACHER, termStart, Optional.empty());
        store.enrollments().enroll(tenant, a, student, EnrollmentRole.STUDENT, termStart, Optional.empty());
        store.enrollments().enroll(tenant, b, otherStudent, EnrollmentRole.STUDENT, termStart, Optional.empty());
        store.enrollments().enroll(tenant, a, leaver, EnrollmentRole.STUDENT, termStart,
                Optional.of(today.minusDays(1)));
        store.enrollments().enroll(tenant, a, newcomer, EnrollmentRole.STUDENT, today.plusDays(1), Optional.empty());
        return new School(tenant, a, b, teacher, formerTeacher, otherTeacher, student, otherStudent, leaver, newcomer,
                work(store, tenant, a, student), work(store, tenant, b, otherStudent), work(store, tenant, a, leaver),
                work(store, tenant, a, newcomer));
    }

    private static PersonId person(Store store, TenantId tenant) {
        String lmsUser = UUID.randomUUID().toString();
        return store.people().register(tenant, new PersonIdentity(opaque("lms:" + lmsUser),
                Optional.of(opaque("name of " + lmsUser)), Optional.empty(), Optional.empty(),
                opaque("lookup:" + lmsUser), Optional.empty()));
    }

    private static SubmissionId work(Store store, TenantId tenant, CourseId course, PersonId student) {
        return store.submissions().submit(tenant, new NewSubmission(course, student, Instant.now(),
                opaque("essay of " + student)));
    }

    private static Opaque opaque(String text) {
        return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
