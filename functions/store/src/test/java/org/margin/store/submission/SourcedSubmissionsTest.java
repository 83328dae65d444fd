package org.margin.store.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.GroupCommit;

/**
 * Ids made by the application, a source's submission stored once (also with its LMS user's enrolment, in one
 * statement), and courses an LMS names for the first time.
 */
class SourcedSubmissionsTest {

    private static Store store;
    private static World world;

    @BeforeAll
    static void start() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
        world = World.create(store, 1);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void aSubmissionIsStoredUnderTheIdMadeBeforehand() {
        SubmissionId id = SubmissionId.generate();

        Submitted submitted = store.submissions().submit(world.tenant(), id, submission("first"),
                World.opaque("source:a-1"));

        assertThat(submitted).isEqualTo(new Submitted.Created(id));
        assertThat(store.submissions().find(world.tenant(), id, Consistency.READ_YOUR_WRITES).orElseThrow().body())
                .isEqualTo(World.opaque("first"));
    }

    @Test
    void theSameSourceSubmissionSentAgainIsStoredOnceAndNamedByItsFirstId() {
        SubmissionId first = SubmissionId.generate();
        store.submissions().submit(world.tenant(), first, submission("once"), World.opaque("source:b-1"));

        Submitted again = store.submissions().submit(world.tenant(), SubmissionId.generate(), submission("twice"),
                World.opaque("source:b-1"));

        assertThat(again).isEqualTo(new Submitted.AlreadySubmitted(first));
        assertThat(store.submissions().find(world.tenant(), first, Consistency.READ_YOUR_WRITES).orElseThrow().body())
                .isEqualTo(World.opaque("once"));
    }

    @Test
    void concurrentDeliveriesOfOneSourceSubmissionAgreeOnOneId() {
        List<CompletableFuture<Submitted>> deliveries = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> store.submissions().submit(world.tenant(),
                        SubmissionId.generate(), submission("racing"), World.opaque("source:c-1"))))
                .toList();

        List<Submitted> outcomes = deliveries.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).extracting(Submitted::id).containsOnly(outcomes.getFirst().id());
        assertThat(outcomes).filteredOn(Submitted.Created.class::isInstance).hasSize(1);
    }

    @Test
    void anLmsUsersSubmissionIsTakenInOneStatementWithTheirEnrolmentAndDateOfBirth() {
        CourseId course = store.courses().ensure(world.tenant(), "moodle:course-" + UUID.randomUUID(), "a course");
        LmsSubmission first = lms("lookup:taker", course, "source:d-1");
        assertThat(take(first)).as("no pseudonym, nothing written")
                .isEqualTo(new LmsTaking.UnknownUser());
        assertThat(store.submissions().find(world.tenant(), first.id(), Consistency.READ_YOUR_WRITES)).isEmpty();

        PersonId person = store.people().register(world.tenant(), PersonId.generate(), new PersonIdentity(
                World.opaque("lms:taker"), Optional.empty(), Optional.empty(), Optional.of(World.opaque("sealed dob")),
                World.opaque("lookup:taker"), Optional.empty()));
        assertThat(take(first)).isEqualTo(new LmsTaking.Taken(person,
                Optional.of(World.opaque("sealed dob")), new Submitted.Created(first.id())));
        assertThat(store.submissions().find(world.tenant(), first.id(), Consistency.READ_YOUR_WRITES).orElseThrow())
                .satisfies(stored -> {
                    assertThat(stored.student()).isEqualTo(person);
                    assertThat(stored.course()).isEqualTo(course);
                    assertThat(stored.body()).isEqualTo(World.opaque("text of source:d-1"));
                });

        LmsSubmission redelivered = new LmsSubmission(first.lmsUserLookup(), course, SubmissionId.generate(),
                first.submittedAt(), first.enrolledFrom(), World.opaque("other"), first.sourceLookup());
        assertThat(take(redelivered)).as("enrolled already, stored before")
                .isEqualTo(new LmsTaking.Taken(person, Optional.of(World.opaque("sealed dob")),
                        new Submitted.AlreadySubmitted(first.id())));
        assertThat(take(lms("lookup:taker", course, "source:d-2")))
                .isInstanceOfSatisfying(LmsTaking.Taken.class,
                        taken -> assertThat(taken.submitted()).isInstanceOf(Submitted.Created.class));
        assertThat(store.enrollments().ensureEnrolled(world.tenant(), course, person, EnrollmentRole.STUDENT,
                first.enrolledFrom())).as("the enrolment covers the day").isFalse();
    }

    @Test
    void concurrentDeliveriesOfOneLmsSubmissionAgreeOnOneIdAndOneEnrolment() {
        CourseId course = store.courses().ensure(world.tenant(), "moodle:course-" + UUID.randomUUID(), "a course");
        PersonId person = store.people().register(world.tenant(), PersonId.generate(), World.identity("racer"));
        List<CompletableFuture<LmsTaking>> deliveries = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> take(lms("lookup:racer", course, "source:e-1"))))
                .toList();

        List<LmsTaking.Taken> outcomes = deliveries.stream().map(CompletableFuture::join)
                .map(LmsTaking.Taken.class::cast).toList();

        assertThat(outcomes).extracting(LmsTaking.Taken::student).containsOnly(person);
        assertThat(outcomes).extracting(taken -> taken.submitted().id())
                .containsOnly(outcomes.getFirst().submitted().id());
        assertThat(outcomes).filteredOn(taken -> taken.submitted() instanceof Submitted.Created).hasSize(1);
        assertThat(store.enrollments().ensureEnrolled(world.tenant(), course, person, EnrollmentRole.STUDENT,
                LocalDate.parse("2026-10-05"))).as("enrolled by one of them").isFalse();
    }

    @Test
    void submissionsTakenTogetherAreAnsweredInOrderEachAsIfTakenAlone() {
        CourseId course = store.courses().ensure(world.tenant(), "moodle:course-" + UUID.randomUUID(), "a course");
        CourseId other = store.courses().ensure(world.tenant(), "moodle:course-" + UUID.randomUUID(), "other");
        PersonId known = store.people().register(world.tenant(), PersonId.generate(), World.identity("batch-known"));
        PersonId enrolled = store.people().register(world.tenant(), PersonId.generate(),
                World.identity("batch-enrolled"));
        store.enrollments().ensureEnrolled(world.tenant(), course, enrolled, EnrollmentRole.STUDENT,
                LocalDate.parse("2026-09-01"));
        LmsSubmission stored = lms("lookup:batch-enrolled", course, "source:f-0");
        take(stored);

        LmsSubmission first = lms("lookup:batch-known", course, "source:f-1");
        LmsSubmission sameStudentAndCourse = lms("lookup:batch-known", course, "source:f-2");
        LmsSubmission otherCourse = lms("lookup:batch-known", other, "source:f-3");
        LmsSubmission unknown = lms("lookup:batch-nobody", course, "source:f-4");
        LmsSubmission sameSourceAsFirst = lms("lookup:batch-known", course, "source:f-1");
        LmsSubmission storedBefore = lms("lookup:batch-enrolled", course, "source:f-0");
        List<LmsTaking> takings = store.submissions().takeFromLms(world.tenant(), List.of(first, sameStudentAndCourse,
                otherCourse, unknown, sameSourceAsFirst, storedBefore));

        assertThat(takings).containsExactly(
                new LmsTaking.Taken(known, Optional.empty(), new Submitted.Created(first.id())),
                new LmsTaking.Taken(known, Optional.empty(), new Submitted.Created(sameStudentAndCourse.id())),
                new LmsTaking.Taken(known, Optional.empty(), new Submitted.Created(otherCourse.id())),
                new LmsTaking.UnknownUser(),
                new LmsTaking.Taken(known, Optional.empty(), new Submitted.AlreadySubmitted(first.id())),
                new LmsTaking.Taken(enrolled, Optional.empty(), new Submitted.AlreadySubmitted(stored.id())));
        assertThat(store.submissions().find(world.tenant(), unknown.id(), Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.submissions().find(world.tenant(), sameSourceAsFirst.id(), Consistency.READ_YOUR_WRITES))
                .isEmpty();
        assertThat(store.enrollments().ensureEnrolled(world.tenant(), other, known, EnrollmentRole.STUDENT,
                LocalDate.parse("2026-10-05"))).as("enrolled in the other course too").isFalse();
    }

    @Test
    void concurrentTakesGroupedIntoSharedStatementsAreEachStoredOnceAndAnsweredToTheirOwnCaller() throws Exception {
        CourseId course = store.courses().ensure(world.tenant(), "moodle:course-" + UUID.randomUUID(), "a course");
        List<PersonId> students = IntStream.range(0, 10).mapToObj(i -> store.people().register(world.tenant(),
                PersonId.generate(), World.identity("grouped-" + i))).toList();
        AtomicInteger statements = new AtomicInteger();
        GroupCommit<LmsSubmission, LmsTaking> takings = new GroupCommit<>((tenant, items) -> {
            statements.incrementAndGet();
            return store.submissions().takeFromLms(tenant, items);
        }, 16, 2);
        List<LmsSubmission> submissions = IntStream.range(0, 120)
                .mapToObj(i -> lms("lookup:grouped-" + (i % 10), course, "source:g-" + (i % 100))).toList();

        List<LmsTaking.Taken> outcomes;
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LmsTaking>> results = submissions.stream()
                    .map(submission -> callers.submit(() -> takings.write(world.tenant(), submission))).toList();
            outcomes = new ArrayList<>();
            for (Future<LmsTaking> result : results) {
                outcomes.add((LmsTaking.Taken) result.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(statements.get()).as("120 takes in fewer statements").isLessThan(120);
        for (int i = 0; i < 120; i++) {
            assertThat(outcomes.get(i).student()).isEqualTo(students.get(i % 10));
        }
        for (int source = 0; source < 100; source++) {
            List<LmsTaking.Taken> ofSource = source < 20
                    ? List.of(outcomes.get(source), outcomes.get(source + 100)) : List.of(outcomes.get(source));
            assertThat(ofSource).extracting(taken -> taken.submitted().id()).containsOnly(ofSource.getFirst()
                    .submitted().id());
            assertThat(ofSource).filteredOn(taken -> taken.submitted() instanceof Submitted.Created).hasSize(1);
        }
        for (PersonId student : students) {
            assertThat(store.enrollments().ensureEnrolled(world.tenant(), course, student, EnrollmentRole.STUDENT,
                    LocalDate.parse("2026-10-05"))).as("enrolled by the takes").isFalse();
        }
    }

    @Test
    void aPersonIsRegisteredUnderThePseudonymMadeBeforehand() {
        PersonId person = PersonId.generate();

        assertThat(store.people().register(world.tenant(), person, World.identity("made-before"))).isEqualTo(person);
        assertThat(store.people().findByLmsUser(world.tenant(), World.opaque("lookup:made-before"),
                Consistency.READ_YOUR_WRITES)).hasValue(person);
    }

    @Test
    void aCourseNamedForTheFirstTimeIsCreatedOnceAndFoundByItsCode() {
        CourseId created = store.courses().ensure(world.tenant(), "canvas:course-77", "canvas course 77");

        assertThat(store.courses().ensure(world.tenant(), "canvas:course-77", "another title")).isEqualTo(created);
        assertThat(store.courses().findByCode(world.tenant(), "canvas:course-77", Consistency.READ_YOUR_WRITES))
                .hasValue(created);
        assertThat(store.courses().findByCode(world.tenant(), "canvas:none", Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void generatedIdsAreTimeOrderedLikeTheDatabases() {
        SubmissionId earlier = SubmissionId.generate();
        SubmissionId later = SubmissionId.generate();

        assertThat(earlier.value().version()).isEqualTo(7);
        assertThat(later.value().toString()).isGreaterThan(earlier.value().toString());
    }

    private static LmsTaking take(LmsSubmission submission) {
        return store.submissions().takeFromLms(world.tenant(), List.of(submission)).getFirst();
    }

    private static LmsSubmission lms(String userLookup, CourseId course, String source) {
        return new LmsSubmission(World.opaque(userLookup), course, SubmissionId.generate(),
                Instant.parse("2026-10-05T09:00:00Z"), LocalDate.parse("2026-10-05"), World.opaque("text of " + source),
                World.opaque(source));
    }

    private static NewSubmission submission(String text) {
        return new NewSubmission(world.course(), world.students().getFirst(), Instant.parse("2026-10-05T09:00:00Z"),
                World.opaque(text));
    }
}
