package org.margin.store.integrity;

import static org.margin.store.integrity.Fingerprint.Kind.PASSAGE;
import static org.margin.store.integrity.Fingerprint.Kind.WORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.TenantId;

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
        assertThat(store.fingerprints().record(world.tenant(), first, List.of(new Fingerprint(PASSAGE, 11, 0, 0, 7),
                new Fingerprint(PASSAGE, 22, 5, 50, 57), new Fingerprint(PASSAGE, 33, 9, 90, 97)))).isEqualTo(3);
        store.fingerprints().record(world.tenant(), second, List.of(new Fingerprint(PASSAGE, 22, 3, 30, 37),
                new Fingerprint(PASSAGE, 33, 8, 80, 87), new Fingerprint(PASSAGE, 44, 20, 200, 207)));
        store.fingerprints().record(world.tenant(), third,
                List.of(new Fingerprint(PASSAGE, 33, 1, 10, 17), new Fingerprint(PASSAGE, 55, 4, 40, 47)));

        assertThat(store.fingerprints().overlaps(world.tenant(), first, 10, Consistency.READ_YOUR_WRITES))
                .containsExactly(new Overlap(second, 2), new Overlap(third, 1));
        assertThat(store.fingerprints().frequencies(world.tenant(), world.course(), List.of(22L, 33L, 44L, 99L),
                Consistency.READ_YOUR_WRITES))
                .isEqualTo(new HashFrequencies(3, Map.of(22L, 2, 33L, 3, 44L, 1)));
        // Seeds 22 and 44 pick the second submission first, then the first; the third holds neither.
        assertThat(entries(store.fingerprints().candidates(world.tenant(), world.course(), List.of(22L, 44L),
                List.of(22L, 33L, 44L, 99L), List.of(), Optional.empty(), 2, Consistency.READ_YOUR_WRITES)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        first, List.of(new FingerprintMatch(first, 22, 5, 50, 57),
                                new FingerprintMatch(first, 33, 9, 90, 97)),
                        second, List.of(new FingerprintMatch(second, 22, 3, 30, 37),
                                new FingerprintMatch(second, 33, 8, 80, 87),
                                new FingerprintMatch(second, 44, 20, 200, 207))));
        assertThat(store.fingerprints().candidates(world.tenant(), world.course(), List.of(22L, 44L),
                List.of(44L), List.of(), Optional.of(second), 2, Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void aCandidateGivesOnlyTheCheckedWordsAndPassagesItHoldsKindByKind() {
        World world = World.create(store, 1);
        SubmissionId mine = submit(world, world.course(), 0);
        store.fingerprints().record(world.tenant(), mine, List.of(new Fingerprint(WORD, 40, 7, 70, 74),
                new Fingerprint(PASSAGE, 50, 2, 20, 29), new Fingerprint(WORD, 41, 1, 10, 14),
                new Fingerprint(WORD, 42, 3, 30, 34), new Fingerprint(PASSAGE, 40, 6, 60, 69)));

        // Word 40 is also a passage hash of the candidate, but was asked for only as a word.
        List<CandidateEntries> found = store.fingerprints().candidates(world.tenant(), world.course(),
                List.of(41L), List.of(50L, 99L), List.of(40L, 41L, 98L), Optional.empty(), 5,
                Consistency.READ_YOUR_WRITES);

        assertThat(found).singleElement().satisfies(candidate -> {
            assertThat(candidate.submission()).isEqualTo(mine);
            assertThat(candidate.wordHashes()).containsExactly(41L, 40L);
            assertThat(candidate.wordPositions()).containsExactly(1, 7);
            assertThat(candidate.passages()).containsExactly(new FingerprintMatch(mine, 50, 2, 20, 29));
        });
        assertThat(store.fingerprints().candidates(world.tenant(), world.course(), List.of(41L), List.of(50L),
                List.of(), Optional.empty(), 5, Consistency.READ_YOUR_WRITES))
                .singleElement().satisfies(candidate -> {
                    assertThat(candidate.wordCount()).isZero();
                    assertThat(candidate.passages()).containsExactly(new FingerprintMatch(mine, 50, 2, 20, 29));
                });
        // Picked by a seed, but holding none of the checked entries: nothing to score.
        assertThat(store.fingerprints().candidates(world.tenant(), world.course(), List.of(41L), List.of(99L),
                List.of(98L), Optional.empty(), 5, Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void theIndexShowsAnEducatorOnlyTheStudentsTheyTeachToday() {
        World world = World.create(store, 2);
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        PersonId otherTeacher = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), other, otherTeacher, EnrollmentRole.TEACHER, World.TERM_START,
                Optional.empty());
        List<SubmissionId> submissions = List.of(submit(world, world.course(), 0), submit(world, world.course(), 1),
                submitByADepartedStudent(world));
        for (SubmissionId submission : submissions) {
            store.fingerprints().record(world.tenant(), submission, List.of(new Fingerprint(PASSAGE, 61, 0, 0, 7)));
        }

        assertThat(candidates(Actor.educator(world.teacher()), world))
                .containsExactlyInAnyOrder(submissions.get(0), submissions.get(1));
        assertThat(candidates(Actor.administrator(Optional.empty()), world))
                .containsExactlyInAnyOrderElementsOf(submissions);
        assertThat(candidates(Actor.student(world.students().get(1)), world)).containsExactly(submissions.get(1));
        assertThat(candidates(Actor.educator(otherTeacher), world)).isEmpty();
    }

    @Test
    void anEducatorsCandidatesAreTheMostSimilarOfTheSubmissionsTheyMaySee() {
        World world = World.create(store, 1);
        SubmissionId taught = submit(world, world.course(), 0);
        SubmissionId unseen = submitByADepartedStudent(world);
        store.fingerprints().record(world.tenant(), taught, List.of(new Fingerprint(PASSAGE, 61, 0, 0, 7)));
        store.fingerprints().record(world.tenant(), unseen, List.of(new Fingerprint(PASSAGE, 61, 0, 0, 7),
                new Fingerprint(PASSAGE, 62, 1, 10, 17)));

        // The submission the educator may not see holds more seeds; it must not take the only place.
        assertThat(store.actingFor(Actor.educator(world.teacher())).fingerprints().candidates(world.tenant(),
                world.course(), List.of(61L, 62L), List.of(61L, 62L), List.of(), Optional.empty(), 1,
                Consistency.READ_YOUR_WRITES)).extracting(CandidateEntries::submission).containsExactly(taught);
        assertThat(store.fingerprints().candidates(world.tenant(), world.course(), List.of(61L, 62L),
                List.of(61L, 62L), List.of(), Optional.empty(), 1, Consistency.READ_YOUR_WRITES))
                .extracting(CandidateEntries::submission).containsExactly(unseen);
    }

    @Test
    void theIndexLookupThatBypassesThePoliciesAnswersOnlyWithinTheCallersTenant() throws Exception {
        World world = World.create(store, 1);
        SubmissionId mine = submit(world, world.course(), 0);
        store.fingerprints().record(world.tenant(), mine, List.of(new Fingerprint(PASSAGE, 63, 0, 0, 7)));
        String holders = "SELECT count(*) FROM fingerprint_holders(?, '{63}', NULL)";

        try (Connection app = TestDatabases.asApp(TestDatabases.shared())) {
            app.setAutoCommit(false);
            assertThat(holdersAs(app, TenantId.random(), world.course(), holders)).isZero();
            assertThat(holdersAs(app, world.tenant(), world.course(), holders)).isEqualTo(1);
            app.rollback();
        }
    }

    private static long holdersAs(Connection app, TenantId tenant, CourseId course, String holders)
            throws SQLException {
        try (PreparedStatement scope = app.prepareStatement("SELECT set_config('app.tenant', ?, true)");
             PreparedStatement query = app.prepareStatement(holders)) {
            scope.setString(1, tenant.value().toString());
            scope.executeQuery().close();
            query.setObject(1, course.value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A submission to the course by a student whose enrolment ended yesterday: no teacher of it sees them now. */
    private static SubmissionId submitByADepartedStudent(World world) {
        PersonId departed = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), departed, EnrollmentRole.STUDENT,
                World.TERM_START, Optional.of(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        return store.submissions().submit(world.tenant(), new NewSubmission(world.course(), departed,
                Instant.parse("2026-10-01T10:00:00Z"), World.opaque("departed essay")));
    }

    private static List<SubmissionId> candidates(Actor actor, World world) {
        return store.actingFor(actor).fingerprints().candidates(world.tenant(), world.course(), List.of(61L),
                List.of(61L), List.of(), Optional.empty(), 10, Consistency.READ_YOUR_WRITES).stream()
                .map(CandidateEntries::submission).toList();
    }

    private static Map<SubmissionId, List<FingerprintMatch>> entries(List<CandidateEntries> candidates) {
        assertThat(candidates).allSatisfy(candidate -> assertThat(candidate.wordCount()).isZero());
        return candidates.stream().collect(Collectors.toMap(CandidateEntries::submission, CandidateEntries::passages));
    }

    @Test
    void wordsAndPassagesAreFiledSideBySideAndCountedOncePerSubmission() {
        World world = World.create(store, 1);
        SubmissionId mine = submit(world, world.course(), 0);
        List<Fingerprint> entries = List.of(new Fingerprint(PASSAGE, 8, 0, 0, 9), new Fingerprint(WORD, 9, 0, 0, 4),
                new Fingerprint(WORD, 8, 1, 5, 9));

        assertThat(store.fingerprints().record(world.tenant(), mine, entries)).isEqualTo(3);
        assertThat(store.fingerprints().record(world.tenant(), mine, entries)).isZero();
        assertThat(store.fingerprints().frequencies(world.tenant(), world.course(), List.of(8L, 9L),
                Consistency.READ_YOUR_WRITES)).isEqualTo(new HashFrequencies(1, Map.of(8L, 1, 9L, 1)));
    }

    @Test
    void filingAnswersTheFrequenciesOfItsHashesAsAReadAfterItWould() {
        World world = World.create(store, 3);
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        store.enrollments().enroll(world.tenant(), other, world.students().getFirst(), EnrollmentRole.STUDENT,
                World.TERM_START, Optional.empty());
        store.fingerprints().record(world.tenant(), submit(world, world.course(), 0),
                List.of(new Fingerprint(PASSAGE, 1, 0, 0, 7), new Fingerprint(WORD, 2, 0, 0, 3)));
        store.fingerprints().record(world.tenant(), submit(world, world.course(), 1),
                List.of(new Fingerprint(PASSAGE, 1, 0, 0, 7), new Fingerprint(PASSAGE, 3, 4, 40, 47)));
        store.fingerprints().record(world.tenant(), submit(world, other, 0),
                List.of(new Fingerprint(PASSAGE, 1, 0, 0, 7), new Fingerprint(PASSAGE, 4, 1, 10, 17)));
        SubmissionId mine = submit(world, world.course(), 2);
        List<Fingerprint> entries = List.of(new Fingerprint(PASSAGE, 1, 0, 0, 7), new Fingerprint(WORD, 2, 0, 0, 3),
                new Fingerprint(WORD, 2, 3, 20, 23), new Fingerprint(PASSAGE, 4, 2, 30, 37),
                new Fingerprint(WORD, 5, 1, 10, 14));
        List<Long> hashes = List.of(1L, 2L, 4L, 5L);

        Filing filing = store.fingerprints().file(world.tenant(), mine, entries);

        assertThat(filing.filed()).isEqualTo(5);
        assertThat(filing.frequencies()).isEqualTo(new HashFrequencies(3, Map.of(1L, 3, 2L, 2, 4L, 1, 5L, 1)))
                .isEqualTo(store.fingerprints().frequencies(world.tenant(), world.course(), hashes,
                        Consistency.READ_YOUR_WRITES));
        Filing again = store.fingerprints().file(world.tenant(), mine, entries);
        assertThat(again.filed()).as("a redelivery files nothing").isZero();
        assertThat(again.frequencies()).as("and reads the counts as they stand").isEqualTo(filing.frequencies());
        assertThat(store.fingerprints().file(world.tenant(), new SubmissionId(UUID.randomUUID()), entries))
                .isEqualTo(new Filing(0, new HashFrequencies(0, Map.of())));
    }

    @Test
    void anotherCoursesSubmissionsAreOutsideTheIndex() {
        World world = World.create(store, 1);
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        store.enrollments().enroll(world.tenant(), other, world.students().getFirst(), EnrollmentRole.STUDENT,
                World.TERM_START, Optional.empty());
        SubmissionId mine = submit(world, world.course(), 0);
        SubmissionId elsewhere = submit(world, other, 1);
        store.fingerprints().record(world.tenant(), mine, List.of(new Fingerprint(PASSAGE, 77, 0, 0, 7)));
        store.fingerprints().record(world.tenant(), elsewhere, List.of(new Fingerprint(PASSAGE, 77, 0, 0, 7)));

        assertThat(store.fingerprints().overlaps(world.tenant(), mine, 10, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.fingerprints().frequencies(world.tenant(), world.course(), List.of(77L),
                Consistency.READ_YOUR_WRITES)).isEqualTo(new HashFrequencies(1, Map.of(77L, 1)));
        assertThat(store.fingerprints().candidates(world.tenant(), world.course(), List.of(77L), List.of(77L),
                List.of(), Optional.empty(), 10, Consistency.READ_YOUR_WRITES))
                .singleElement().satisfies(candidate -> assertThat(candidate.passages())
                        .containsExactly(new FingerprintMatch(mine, 77, 0, 0, 7)));
    }

    @Test
    void filingTheSameFingerprintsAgainAddsNothing() {
        World world = World.create(store, 1);
        SubmissionId mine = submit(world, world.course(), 0);
        List<Fingerprint> fingerprints = List.of(new Fingerprint(PASSAGE, 5, 0, 0, 12), new Fingerprint(PASSAGE, 6, 4, 20, 31));

        assertThat(store.fingerprints().record(world.tenant(), mine, fingerprints)).isEqualTo(2);
        assertThat(store.fingerprints().record(world.tenant(), mine, fingerprints)).isZero();
    }

    @Test
    void aReportIsKeptPerSubmissionAndALaterOneReplacesIt() {
        World world = World.create(store, 1);
        SubmissionId mine = submit(world, world.course(), 0);

        assertThat(store.integrityReports().find(world.tenant(), mine, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.integrityReports().save(world.tenant(), mine, World.opaque("first")))
                .isEqualTo(IntegrityReports.Saved.FIRST);
        assertThat(store.integrityReports().save(world.tenant(), mine, World.opaque("second")))
                .isEqualTo(IntegrityReports.Saved.REPLACED);
        assertThat(store.integrityReports().find(world.tenant(), mine, Consistency.READ_YOUR_WRITES))
                .contains(World.opaque("second"));
        assertThat(store.integrityReports().save(world.tenant(), new SubmissionId(UUID.randomUUID()),
                World.opaque("unknown"))).isEqualTo(IntegrityReports.Saved.NO_SUBMISSION);
    }

    @Test
    void reportsKeptTogetherAreEachKeptAsIfKeptApart() {
        World world = World.create(store, 2);
        SubmissionId earlier = submit(world, world.course(), 0);
        SubmissionId fresh = submit(world, world.course(), 1);
        store.integrityReports().save(world.tenant(), earlier, World.opaque("earlier"));
        SubmissionId unknown = new SubmissionId(UUID.randomUUID());

        assertThat(store.integrityReports().saveEach(world.tenant(), List.of(report(fresh, "fresh"),
                report(unknown, "unknown"), report(earlier, "later"))))
                .containsExactly(IntegrityReports.Saved.FIRST, IntegrityReports.Saved.NO_SUBMISSION,
                        IntegrityReports.Saved.REPLACED);
        assertThat(store.integrityReports().find(world.tenant(), fresh, Consistency.READ_YOUR_WRITES))
                .contains(World.opaque("fresh"));
        assertThat(store.integrityReports().find(world.tenant(), earlier, Consistency.READ_YOUR_WRITES))
                .contains(World.opaque("later"));

        SubmissionId twice = submit(world, world.course(), 2);
        assertThat(store.integrityReports().saveEach(world.tenant(), List.of(report(twice, "one"),
                report(fresh, "fresh again"), report(twice, "two"))))
                .containsExactly(IntegrityReports.Saved.FIRST, IntegrityReports.Saved.REPLACED,
                        IntegrityReports.Saved.REPLACED);
        assertThat(store.integrityReports().find(world.tenant(), twice, Consistency.READ_YOUR_WRITES))
                .contains(World.opaque("two"));
    }

    @Test
    void fingerprintsOfAnUnknownSubmissionAreNotFiled() {
        World world = World.create(store, 1);

        assertThat(store.fingerprints().record(world.tenant(), new SubmissionId(UUID.randomUUID()),
                List.of(new Fingerprint(PASSAGE, 1, 0, 0, 7)))).isZero();
    }

    @Test
    void aSubmissionDeletedByAnyPathTakesItsEntriesWithIt() throws Exception {
        World world = World.create(store, 2);
        SubmissionId doomed = submit(world, world.course(), 0);
        SubmissionId kept = submit(world, world.course(), 1);
        store.fingerprints().record(world.tenant(), doomed, List.of(new Fingerprint(PASSAGE, 81, 0, 0, 7),
                new Fingerprint(WORD, 82, 1, 0, 0)));
        store.fingerprints().record(world.tenant(), kept, List.of(new Fingerprint(PASSAGE, 81, 0, 0, 7)));

        // The student's deletion reaches the submission through the keys' cascade, not through IndexCounts.
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement erase = owner.prepareStatement(
                     "DELETE FROM people WHERE institution_id = ? AND id = ?")) {
            erase.setObject(1, world.tenant().value());
            erase.setObject(2, world.students().get(0).value());
            assertThat(erase.executeUpdate()).isEqualTo(1);
        }

        assertThat(entriesOf(world, doomed)).isZero();
        assertThat(entriesOf(world, kept)).isEqualTo(1);
    }

    @Test
    void aFilingThatMeetsTheSubmissionsDeletionWaitsForItAndFilesNothing() throws Exception {
        World world = World.create(store, 1);
        SubmissionId doomed = submit(world, world.course(), 0);

        assertThat(fileWhileHeld("DELETE FROM submissions WHERE institution_id = ? AND id = ?", world, doomed,
                List.of(new Fingerprint(PASSAGE, 91, 0, 0, 7)))).isZero();
        assertThat(entriesOf(world, doomed)).isZero();
    }

    @Test
    void ofTwoFilingsOfASubmissionAtOnceTheSecondToCommitFilesNothing() throws Exception {
        World world = World.create(store, 1);
        SubmissionId mine = submit(world, world.course(), 0);

        // The second waits on the primary key for the first's row, which is not committed, and then adds nothing.
        assertThat(fileWhileHeld("""
                INSERT INTO fingerprints (institution_id, course_id, submission_id, student_id, passage_hashes,
                                          passage_positions, passage_starts, passage_ends, word_hashes, word_positions,
                                          index_keys)
                SELECT institution_id, course_id, id, student_id, '{61}', '{0}', '{0}', '{7}', '{}', '{}',
                       ARRAY[course_hash_key(course_id, 61)]
                FROM submissions WHERE institution_id = ? AND id = ?""", world, mine,
                List.of(new Fingerprint(PASSAGE, 61, 0, 0, 7), new Fingerprint(PASSAGE, 62, 1, 10, 17)))).isZero();
        assertThat(entriesOf(world, mine)).isEqualTo(1);
    }

    /**
     * Files {@code entries} while another transaction holds {@code held} (a statement of one row, given the tenant
     * and the submission) uncommitted; commits it once the filing waits for it, and returns what the filing filed.
     */
    private static long fileWhileHeld(String held, World world, SubmissionId submission, List<Fingerprint> entries)
            throws Exception {
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement statement = owner.prepareStatement(held);
             var filers = Executors.newVirtualThreadPerTaskExecutor()) {
            owner.setAutoCommit(false);
            statement.setObject(1, world.tenant().value());
            statement.setObject(2, submission.value());
            assertThat(statement.executeUpdate()).isEqualTo(1);

            Future<Long> filing = filers.submit(() -> store.fingerprints().record(world.tenant(), submission,
                    entries));
            awaitFilingWaitingForALock();
            owner.commit();
            return filing.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitFilingWaitingForALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection superuser = TestDatabases.asSuperuser(TestDatabases.shared());
             PreparedStatement waiting = superuser.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO fingerprints%'")) {
            while (true) {
                try (ResultSet result = waiting.executeQuery()) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the filing waits for the deletion's lock").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    private static long entriesOf(World world, SubmissionId submission) throws Exception {
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement count = owner.prepareStatement(
                     "SELECT coalesce(sum(cardinality(passage_hashes) + cardinality(word_hashes)), 0) FROM fingerprints"
                             + " WHERE institution_id = ? AND submission_id = ?")) {
            count.setObject(1, world.tenant().value());
            count.setObject(2, submission.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static IntegrityReports.SubmissionReport report(SubmissionId submission, String text) {
        return new IntegrityReports.SubmissionReport(submission, World.opaque(text));
    }

    private static SubmissionId submit(World world, CourseId course, int index) {
        return store.submissions().submit(world.tenant(), new NewSubmission(course,
                world.students().get(index % world.students().size()),
                Instant.parse("2026-10-01T10:00:00Z").plusSeconds(index), World.opaque("essay " + index)));
    }
}
