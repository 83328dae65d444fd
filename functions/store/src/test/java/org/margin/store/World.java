package org.margin.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;

/** A small institution built through the store's own API: one course, one teacher, a few students. */
public record World(TenantId tenant, CourseId course, PersonId teacher, List<PersonId> students) {

    public static final LocalDate TERM_START = LocalDate.parse("2026-09-01");

    public static World create(Store store, int studentCount) {
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
        return new World(tenant, course, teacher, students);
    }

    public static PersonId person(Store store, TenantId tenant) {
        return store.people().register(tenant, identity(UUID.randomUUID().toString()));
    }

    public static PersonIdentity identity(String lmsUser) {
        return new PersonIdentity(
                opaque("lms:" + lmsUser), Optional.of(opaque("name of " + lmsUser)), Optional.empty(),
                Optional.empty(), opaque("lookup:" + lmsUser), Optional.empty());
    }

    public static Opaque opaque(String text) {
        return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
