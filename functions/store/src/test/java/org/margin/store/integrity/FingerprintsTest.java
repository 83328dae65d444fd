package org.margin.store.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;

class FingerprintsTest {

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
    void submissionsOfACourseAreFoundByTheHashesTheyShare() {
        World world = World.create(store, 3);
        SubmissionId first = submit(world, world.course(), 0);
        SubmissionId second = submit(world, world.course(), 1);
        SubmissionId third = submit(world, world.course(), 2);
        assertThat(store.fingerprints().record(world.tenant(), first,
                List.of(new Fingerprint(11, 0), new Fingerprint(22, 5), new Fingerprint(33, 9)))).isEqualTo(3);
        store.fingerprints().record(world.tenant(), second,
                List.of(new Fingerprint(22, 3), new Fingerprint(33, 8), new Fingerprint(44, 20)));
        store.fingerprints().record(world.tenant(), third, List.of(new Fingerprint(33, 1), new Fingerprint(55, 4)));

        assertThat(store.fingerprints().overlaps(world.tenant(), first, 10, Consistency.READ_YOUR_WRITES))
                .containsExactly(new Overlap(second, 2), new Overlap(third, 1));
        assertThat(store.fingerprints().matches(world.tenant(), world.course(), List.of(22L, 44L, 99L), first, 100,
                Consistency.READ_YOUR_WRITES))
                .containsExactlyInAnyOrder(new FingerprintMatch(second, 22, 3), new FingerprintMatch(second, 44, 20));
    }

    @Test
    void anotherCoursesSubmissionsAreOutsideTheIndex() {
        World world = World.create(store, 1);
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        store.enrollments().enroll(world.tenant(), other, world.students().getFirst(), EnrollmentRole.STUDENT,
                World.TERM_START, Optional.empty());
        SubmissionId mine = submit(world, world.course(), 0);
        SubmissionId elsewhere = submit(world, other, 1);
        store.fingerprints().record(world.tenant(), mine, List.of(new Fingerprint(77, 0)));
        store.fingerprints().record(world.tenant(), elsewhere, List.of(new Fingerprint(77, 0)));

        assertThat(store.fingerprints().overlaps(world.tenant(), mine, 10, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.fingerprints().matches(world.tenant(), world.course(), List.of(77L), elsewhere, 10,
                Consistency.READ_YOUR_WRITES)).containsExactly(new FingerprintMatch(mine, 77, 0));
    }

    @Test
    void fingerprintsOfAnUnknownSubmissionAreNotFiled() {
        World world = World.create(store, 1);

        assertThat(store.fingerprints().record(world.tenant(), new SubmissionId(UUID.randomUUID()),
                List.of(new Fingerprint(1, 0)))).isZero();
    }

    private static SubmissionId submit(World world, CourseId course, int index) {
        return store.submissions().submit(world.tenant(), new NewSubmission(course,
                world.students().get(index % world.students().size()),
                Instant.parse("2026-10-01T10:00:00Z").plusSeconds(index), World.opaque("essay " + index)));
    }
}
