package org.margin.store.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.margin.store.integrity.Fingerprint.Kind.PASSAGE;
import static org.margin.store.integrity.Fingerprint.Kind.WORD;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.consent.Purpose;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.subject.Erased;
import org.margin.store.subject.NewDataRequest;
import org.margin.store.subject.Regime;
import org.margin.store.subject.RequestChannel;
import org.margin.store.subject.RequestKind;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * The integrity index's counts: credits written by filings and debits written with deletions, folded in later, the
 * counts read always and the counts stored once folded exactly a recount of the fingerprints there are. Real
 * PostgreSQL as the application role.
 */
class IndexCountsTest {

    private static final Instant SUBMITTED = Instant.parse("2026-09-20T10:00:00Z");
    /** Passage hashes per submission, drawn from a range wide enough that a student's hashes fill two debit rows. */
    private static final int PASSAGES = 2_600;
    private static final int WORDS = 300;

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Students each with three submissions in the world's course and one in a second course. */
    private record School(World world, CourseId second, Map<PersonId, List<SubmissionId>> submissions) {

        TenantId tenant() {
            return world.tenant();
        }
    }

    private static School school(int students, long seed) {
        World world = World.create(store, students);
        CourseId second = store.courses().create(world.tenant(), "ENG-" + UUID.randomUUID(), "Rhetoric");
        Random random = new Random(seed);
        Map<PersonId, List<SubmissionId>> submissions = new HashMap<>();
        for (PersonId student : world.students()) {
            for (int i = 0; i < 4; i++) {
                submissions.computeIfAbsent(student, s -> new ArrayList<>())
                        .add(file(world.tenant(), i < 3 ? world.course() : second, student, random));
            }
        }
        store.indexCounts().apply(world.tenant());
        return new School(world, second, submissions);
    }

    /**
     * A submission with passages and words whose hashes overlap (a word's hash may equal a passage's), so a
     * submission holding a hash twice must still count once.
     */
    private static SubmissionId file(TenantId tenant, CourseId course, PersonId student, Random random) {
        SubmissionId id = store.submissions().submit(tenant, new NewSubmission(course, student, SUBMITTED,
                World.opaque("text of " + UUID.randomUUID())));
        List<Fingerprint> entries = new ArrayList<>();
        for (int position = 0; position < PASSAGES; position++) {
            entries.add(new Fingerprint(PASSAGE, random.nextInt(40_000), position, position, position + 5));
        }
        for (int position = 0; position < WORDS; position++) {
            entries.add(new Fingerprint(WORD, random.nextInt(3_000), position, position, position + 4));
        }
        store.fingerprints().record(tenant, id, entries);
        return id;
    }

    private static Erased erase(TenantId tenant, PersonId student) {
        Instant now = Instant.now();
        return store.subjects().erase(tenant, student, new NewDataRequest(student, RequestKind.ERASURE, Regime.GDPR,
                RequestChannel.TOOL, now, now.plus(30, ChronoUnit.DAYS)), Optional.empty()).orElseThrow();
    }

    @Test
    void anErasureLeavesDebitsNamingNoOneAndApplyingThemLeavesARecountsFigures() throws SQLException {
        School school = school(3, 11);
        PersonId erased = school.world().students().getFirst();
        Map<String, Long> before = counts(school.tenant());
        assertThat(before).isEqualTo(recount(school.tenant()));

        erase(school.tenant(), erased);

        assertThat(counts(school.tenant())).as("lowered only by the follow-up").isEqualTo(before)
                .isNotEqualTo(recount(school.tenant()));
        List<String> debits = debits(school.tenant());
        assertThat(debits).as("a course's hashes beyond a batch go to a second row").hasSize(3);
        Set<String> identifiers = new HashSet<>();
        identifiers.add(erased.value().toString());
        school.submissions().get(erased).forEach(submission -> identifiers.add(submission.value().toString()));
        assertThat(debits).allSatisfy(row -> assertThat(identifiers).noneMatch(row::contains));
        long debited = pendingHashes(school.tenant());

        long lowered = store.indexCounts().apply(school.tenant());

        assertThat(lowered).isEqualTo(debited);
        assertThat(counts(school.tenant())).isEqualTo(recount(school.tenant()));
        assertThat(debits(school.tenant())).isEmpty();
        assertThat(store.indexCounts().apply(school.tenant())).as("applied again").isZero();
        assertThat(counts(school.tenant())).isEqualTo(recount(school.tenant()));
    }

    @Test
    void debitsLeftByAnInterruptedFollowUpAreAppliedByTheNextRunWhateverWasFiledMeanwhile() throws SQLException {
        School school = school(4, 12);
        List<PersonId> students = school.world().students();
        Random random = new Random(13);

        erase(school.tenant(), students.get(0));
        file(school.tenant(), school.world().course(), students.get(3), random);
        store.expiry().withdrawn(school.tenant(), students.get(1), Purpose.INTEGRITY, Instant.now());
        file(school.tenant(), school.second(), students.get(3), random);
        erase(school.tenant(), students.get(2));
        assertThat(debits(school.tenant())).as("three removals, none applied").hasSizeGreaterThanOrEqualTo(9);
        assertThat(counts(school.tenant())).isNotEqualTo(recount(school.tenant()));

        store.indexCounts().apply(school.tenant());

        assertThat(counts(school.tenant())).isEqualTo(recount(school.tenant()));
        assertThat(debits(school.tenant())).isEmpty();
    }

    @Test
    void twoAppliersAtOnceApplyEveryDebitExactlyOnce() throws Exception {
        School school = school(6, 14);
        for (PersonId student : school.world().students().subList(0, 5)) {
            erase(school.tenant(), student);
        }
        assertThat(debits(school.tenant())).hasSizeGreaterThanOrEqualTo(10);
        long debited = pendingHashes(school.tenant());

        CountDownLatch start = new CountDownLatch(1);
        long applied;
        try (ExecutorService appliers = Executors.newFixedThreadPool(2)) {
            List<Future<Long>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(appliers.submit(() -> {
                    start.await();
                    return store.indexCounts().apply(school.tenant());
                }));
            }
            start.countDown();
            applied = both.get(0).get() + both.get(1).get();
        }

        assertThat(applied).as("hashes lowered by the two together").isEqualTo(debited);
        assertThat(counts(school.tenant())).isEqualTo(recount(school.tenant()));
        assertThat(debits(school.tenant())).isEmpty();
    }

    @Test
    void filingsOfOneCourseAtOnceAreCountedExactlyByEveryReadWhetherFoldedOrNot() throws Exception {
        World world = World.create(store, 6);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService students = Executors.newFixedThreadPool(world.students().size())) {
            List<Future<?>> filings = new ArrayList<>();
            for (PersonId student : world.students()) {
                Random random = new Random(student.value().getLeastSignificantBits());
                filings.add(students.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3; i++) {
                        file(world.tenant(), world.course(), student, random);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> filing : filings) {
                filing.get();
            }
        }
        Map<String, Long> recount = recount(world.tenant());
        assertThat(recount).containsEntry(world.course().value() + "/size", 18L);
        assertThat(counts(world.tenant())).as("nothing folded yet").isEmpty();
        assertThat(pendingHashes(world.tenant())).isPositive();
        assertThat(read(world.tenant(), world.course(), recount)).as("read while pending").isEqualTo(recount);

        store.indexCounts().apply(world.tenant());

        assertThat(counts(world.tenant())).isEqualTo(recount);
        assertThat(read(world.tenant(), world.course(), recount)).as("read once folded").isEqualTo(recount);
        assertThat(debits(world.tenant())).isEmpty();
    }

    @Test
    void applicationsAskedForDuringABurstFoldEveryFilingInTheBackground() throws SQLException, InterruptedException {
        World world = World.create(store, 4);
        Random random = new Random(15);
        for (PersonId student : world.students()) {
            for (int i = 0; i < 2; i++) {
                file(world.tenant(), world.course(), student, random);
                store.indexCounts().applySoon(world.tenant());
            }
        }

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!debits(world.tenant()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(debits(world.tenant())).as("left pending").isEmpty();
        assertThat(counts(world.tenant())).isEqualTo(recount(world.tenant()));
    }

    /** The course's counts as {@link Fingerprints#frequencies} reads them, keyed as {@link #recount} keys them. */
    private static Map<String, Long> read(TenantId tenant, CourseId course, Map<String, Long> recount) {
        String prefix = course.value() + "/";
        List<Long> hashes = recount.keySet().stream()
                .filter(key -> key.startsWith(prefix) && !key.endsWith("/size"))
                .map(key -> Long.parseLong(key.substring(prefix.length())))
                .toList();
        HashFrequencies read = store.fingerprints().frequencies(tenant, course, hashes, Consistency.READ_YOUR_WRITES);
        Map<String, Long> figures = new HashMap<>();
        read.holders().forEach((hash, holders) -> figures.put(prefix + hash, (long) holders));
        figures.put(prefix + "size", (long) read.submissions());
        return figures;
    }

    /** The index's counts as stored: {@code course/hash} or {@code course/size} to the count. */
    private static Map<String, Long> counts(TenantId tenant) throws SQLException {
        return figures(tenant, """
                SELECT course_id || '/' || hash, submissions FROM fingerprint_frequencies WHERE institution_id = ?
                UNION ALL
                SELECT course_id || '/size', submissions FROM fingerprinted_courses WHERE institution_id = ?""");
    }

    /** What the counts would be had only the fingerprints that remain ever been filed. */
    private static Map<String, Long> recount(TenantId tenant) throws SQLException {
        return figures(tenant, """
                SELECT course_id || '/' || hash, count(DISTINCT submission_id)
                FROM fingerprints CROSS JOIN LATERAL unnest(passage_hashes || word_hashes) AS hash
                WHERE institution_id = ? GROUP BY course_id, hash
                UNION ALL
                SELECT course_id || '/size', count(DISTINCT submission_id) FROM fingerprints
                WHERE institution_id = ? GROUP BY course_id""");
    }

    private static Map<String, Long> figures(TenantId tenant, String sql) throws SQLException {
        Map<String, Long> figures = new HashMap<>();
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement query = owner.prepareStatement(sql)) {
            query.setObject(1, tenant.value());
            query.setObject(2, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    figures.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return figures;
    }

    /** The tenant's pending rows of changes, each as its whole text. */
    private static List<String> debits(TenantId tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement query = owner.prepareStatement(
                     "SELECT d::text FROM fingerprint_count_deltas d WHERE institution_id = ?")) {
            query.setObject(1, tenant.value());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }

    /** How many hash changes the tenant's pending rows hold, together. */
    private static long pendingHashes(TenantId tenant) throws SQLException {
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement query = owner.prepareStatement(
                     "SELECT coalesce(sum(cardinality(hashes)), 0) FROM fingerprint_count_deltas"
                             + " WHERE institution_id = ?")) {
            query.setObject(1, tenant.value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
