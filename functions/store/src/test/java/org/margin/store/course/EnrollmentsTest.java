package org.margin.store.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.people.PersonId;

class EnrollmentsTest {

    private static final LocalDate DURING_TERM = World.TERM_START.plusWeeks(3);

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void anEducatorMayViewTheStudentsOfTheCoursesTheyTeachWhileBothAreEnrolled() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        Enrollments enrollments = store.enrollments();

        assertThat(enrollments.mayView(world.tenant(), world.teacher(), student, DURING_TERM,
                Consistency.READ_YOUR_WRITES)).isTrue();
        assertThat(enrollments.mayView(world.tenant(), world.teacher(), student, World.TERM_START.minusDays(1),
                Consistency.READ_YOUR_WRITES)).as("before the term").isFalse();
        assertThat(enrollments.viewable(world.tenant(), world.teacher(), List.of(student, world.teacher()),
                DURING_TERM, Consistency.READ_YOUR_WRITES)).as("a teacher is not a student").containsExactly(student);

        assertThat(enrollments.end(world.tenant(), world.course(), student, EnrollmentRole.STUDENT, DURING_TERM))
                .isEqualTo(1);
        assertThat(enrollments.mayView(world.tenant(), world.teacher(), student, DURING_TERM,
                Consistency.READ_YOUR_WRITES)).as("on the last day").isTrue();
        assertThat(enrollments.mayView(world.tenant(), world.teacher(), student, DURING_TERM.plusDays(1),
                Consistency.READ_YOUR_WRITES)).as("after the student left").isFalse();
        assertThat(enrollments.viewable(world.tenant(), world.teacher(), List.of(student), DURING_TERM.plusDays(1),
                Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void aStudentAnLmsNamesIsEnrolledOnceWhileTheEnrollmentLasts() {
        World world = World.create(store, 0);
        PersonId student = World.person(store, world.tenant());

        assertThat(store.enrollments().ensureEnrolled(world.tenant(), world.course(), student, EnrollmentRole.STUDENT,
                DURING_TERM)).isTrue();
        assertThat(store.enrollments().ensureEnrolled(world.tenant(), world.course(), student, EnrollmentRole.STUDENT,
                DURING_TERM.plusDays(10))).isFalse();
        assertThat(store.enrollments().mayView(world.tenant(), world.teacher(), student, DURING_TERM.plusDays(1),
                Consistency.READ_YOUR_WRITES)).isTrue();

        store.enrollments().end(world.tenant(), world.course(), student, EnrollmentRole.STUDENT, DURING_TERM.plusDays(20));
        assertThat(store.enrollments().ensureEnrolled(world.tenant(), world.course(), student, EnrollmentRole.STUDENT,
                DURING_TERM.plusDays(40))).as("a new enrollment after the last one ended").isTrue();
    }

    @Test
    void theTeacherOfAnotherCourseMayNotView() {
        World world = World.create(store, 1);
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Another course");
        PersonId otherTeacher = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), other, otherTeacher, EnrollmentRole.TEACHER, World.TERM_START,
                Optional.empty());

        assertThat(store.enrollments().mayView(world.tenant(), otherTeacher, world.students().getFirst(),
                DURING_TERM, Consistency.READ_YOUR_WRITES)).isFalse();
        assertThat(store.enrollments().mayView(world.tenant(), world.students().getFirst(), world.teacher(),
                DURING_TERM, Consistency.READ_YOUR_WRITES)).as("a student has no interest in a teacher").isFalse();
    }

    @Test
    void educatorsOfAStudentAreTheCurrentTeachersAndAssistantsOfTheCourse() {
        World world = World.create(store, 1);
        PersonId assistant = World.person(store, world.tenant());
        PersonId formerAssistant = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), assistant, EnrollmentRole.TEACHING_ASSISTANT,
                World.TERM_START, Optional.empty());
        store.enrollments().enroll(world.tenant(), world.course(), formerAssistant,
                EnrollmentRole.TEACHING_ASSISTANT, World.TERM_START, Optional.of(World.TERM_START.plusDays(7)));

        assertThat(store.enrollments().educatorsOf(world.tenant(), world.course(), world.students().getFirst(),
                DURING_TERM, Consistency.READ_YOUR_WRITES))
                .containsExactlyInAnyOrder(world.teacher(), assistant);
    }

    @Test
    void onlyTheCurrentEducatorsOfACourseTeachIt() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        PersonId formerAssistant = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), formerAssistant,
                EnrollmentRole.TEACHING_ASSISTANT, World.TERM_START, Optional.of(World.TERM_START.plusDays(7)));
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Another course");

        assertThat(store.enrollments().teaches(world.tenant(), world.teacher(), world.course(), DURING_TERM,
                Consistency.READ_YOUR_WRITES)).isTrue();
        assertThat(store.enrollments().teaches(world.tenant(), world.teacher(), other, DURING_TERM,
                Consistency.READ_YOUR_WRITES)).as("another course").isFalse();
        assertThat(store.enrollments().teaches(world.tenant(), student, world.course(), DURING_TERM,
                Consistency.READ_YOUR_WRITES)).as("a student").isFalse();
        assertThat(store.enrollments().teaches(world.tenant(), formerAssistant, world.course(),
                World.TERM_START.plusDays(7), Consistency.READ_YOUR_WRITES)).as("on the last day").isTrue();
        assertThat(store.enrollments().teaches(world.tenant(), formerAssistant, world.course(), DURING_TERM,
                Consistency.READ_YOUR_WRITES)).as("after leaving").isFalse();
    }
}
