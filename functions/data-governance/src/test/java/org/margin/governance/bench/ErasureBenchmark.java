package org.margin.governance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.margin.governance.GovernanceWorld;
import org.margin.governance.rights.StudentCaches;
import org.margin.governance.rights.StudentErasure;
import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.store.Consistency;
import org.margin.store.people.PersonId;
import org.margin.store.subject.Regime;

/**
 * The erasure target: a student with 1,000 submissions (each with metrics, 30 fingerprint entries and an
 * integrity report; the student with a profile; every submission's report and the profile cached in the grid by
 * another instance) erased through {@link StudentErasure}, store transaction, cache burial and announcement
 * included. Prints p50 and p99 of the measured erasures. Run as the data-governance README says.
 */
public final class ErasureBenchmark {

    private static final int SUBMISSIONS = 1_000;
    private static final int FINGERPRINTS = 30;
    private static final int WARM_UP = 3;
    private static final int MEASURED = 20;

    private ErasureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        GovernanceWorld world = GovernanceWorld.get();
        GovernanceWorld.School school = world.school(WARM_UP + MEASURED + 1);
        List<PersonId> students = school.students();
        try (Connection owner = DriverManager.getConnection(world.database.jdbcUrl(),
                world.database.owner().user(), world.database.owner().password())) {
            owner.setSchema("margin");
            for (PersonId student : students) {
                file(owner, school, student);
            }
            count(owner, school);
        }
        System.out.printf(Locale.ROOT, "filed %d students with %d submissions each%n", students.size(), SUBMISSIONS);

        Grid other = world.otherInstanceGrid();
        AtomicInteger loads = new AtomicInteger();
        TieredCache profiles = other.cache("student-profiles", key -> {
            loads.incrementAndGet();
            return Optional.of(new byte[64]);
        }, (key, value) -> { });
        TieredCache reports = other.cache("integrity-reports", key -> {
            loads.incrementAndGet();
            return Optional.of(new byte[512]);
        }, (key, value) -> { });
        // Until the client holds its lease, reads go straight to the loader and nothing is cached.
        String probe = "probe/" + UUID.randomUUID();
        for (int before = -1; before != loads.get(); Thread.sleep(100)) {
            profiles.read(probe);
            before = loads.get();
            profiles.read(probe);
        }
        StudentErasure erasure = new StudentErasure(world.store(), new StudentCaches(world.platform.grid()),
                world.platform.sink(), world.platform.events(), Clock.systemUTC());
        long[] times = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            PersonId student = students.get(i);
            profiles.read(school.tenant().value() + "/" + student.value());
            for (UUID submission : submissions(world, school, student)) {
                reports.read(school.tenant().value() + "/" + submission);
            }
            long started = System.nanoTime();
            var receipt = erasure.erase(school.tenant(), student, Regime.GDPR, Optional.empty()).orElseThrow();
            long took = System.nanoTime() - started;
            if (receipt.erased().counts().submissions() != SUBMISSIONS || receipt.cacheKeysBuried() != SUBMISSIONS + 1
                    || !receipt.announced()) {
                throw new IllegalStateException("the erasure did not do all of its work: " + receipt);
            }
            if (i >= WARM_UP) {
                times[i - WARM_UP] = took;
            }
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "erasure of a student with %d submissions, caches included, %d runs: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", SUBMISSIONS, MEASURED,
                times[MEASURED / 2] / 1e6, times[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6,
                times[MEASURED - 1] / 1e6);
        other.close();
        System.exit(0);
    }

    private static List<UUID> submissions(GovernanceWorld world, GovernanceWorld.School school, PersonId student) {
        List<UUID> ids = new ArrayList<>();
        world.store().subjects().records(school.tenant(), student, Consistency.READ_YOUR_WRITES).orElseThrow()
                .submissions().forEach(submission -> ids.add(submission.id().value()));
        return ids;
    }

    /** Bulk filing as the owner: what lms-ingress, writing-analysis and academic-integrity would have stored. */
    private static void file(Connection owner, GovernanceWorld.School school, PersonId student) throws SQLException {
        try (PreparedStatement submissions = owner.prepareStatement("""
                INSERT INTO submissions (institution_id, id, course_id, student_id, submitted_at, body)
                SELECT ?, uuidv7(), ?, ?, now() - g * interval '1 hour', decode(repeat('ab', 3000), 'hex')
                FROM generate_series(1, ?) g""");
             PreparedStatement derived = owner.prepareStatement("""
                WITH mine AS (SELECT institution_id, id, course_id, student_id, submitted_at FROM submissions
                              WHERE institution_id = ? AND student_id = ?),
                metrics AS (
                    INSERT INTO writing_metrics (institution_id, submission_id, course_id, student_id, submitted_at,
                        word_count, sentence_count, character_count, syllable_count, flesch_reading_ease,
                        flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index,
                        automated_readability_index, type_token_ratio, mtld, sentence_length_mean,
                        sentence_length_sd)
                    SELECT institution_id, id, course_id, student_id, submitted_at,
                           500, 25, 2800, 700, 60, 9, 11, 10, 10, 9, 0.5, 70, 20, 6 FROM mine),
                entries AS (
                    SELECT institution_id, course_id, id, student_id, p, (random() * 200000)::bigint AS hash
                    FROM mine, generate_series(0, ? - 1) p),
                prints AS (
                    INSERT INTO fingerprints (institution_id, course_id, submission_id, student_id, passage_hashes,
                                              passage_positions, passage_starts, passage_ends, word_hashes,
                                              word_positions, index_keys)
                    SELECT institution_id, course_id, id, student_id, array_agg(hash ORDER BY p), array_agg(p ORDER BY p),
                           array_agg(p * 10 ORDER BY p), array_agg(p * 10 + 9 ORDER BY p), '{}', '{}',
                           array_agg(DISTINCT course_hash_key(course_id, hash))
                    FROM entries
                    GROUP BY institution_id, course_id, id, student_id),
                reports AS (
                    INSERT INTO integrity_reports (institution_id, submission_id, course_id, report)
                    SELECT institution_id, id, course_id, decode(repeat('cd', 500), 'hex') FROM mine)
                INSERT INTO profile_aggregates (institution_id, student_id, submission_count, first_submitted_at,
                    last_submitted_at, word_count_sum, word_count_sum_squares, sentence_count_sum,
                    sentence_count_sum_squares, character_count_sum, character_count_sum_squares, syllable_count_sum,
                    syllable_count_sum_squares, flesch_reading_ease_sum, flesch_reading_ease_sum_squares,
                    flesch_kincaid_grade_sum, flesch_kincaid_grade_sum_squares, gunning_fog_sum,
                    gunning_fog_sum_squares, smog_index_sum, smog_index_sum_squares, coleman_liau_index_sum,
                    coleman_liau_index_sum_squares, automated_readability_index_sum,
                    automated_readability_index_sum_squares, type_token_ratio_sum, type_token_ratio_sum_squares,
                    mtld_sum, mtld_sum_squares, sentence_length_mean_sum, sentence_length_mean_sum_squares,
                    sentence_length_sd_sum, sentence_length_sd_sum_squares)
                SELECT ?, ?, count(*), min(submitted_at), max(submitted_at),
                       1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
                FROM mine""")) {
            submissions.setObject(1, school.tenant().value());
            submissions.setObject(2, school.course().value());
            submissions.setObject(3, student.value());
            submissions.setInt(4, SUBMISSIONS);
            submissions.executeUpdate();
            derived.setObject(1, school.tenant().value());
            derived.setObject(2, student.value());
            derived.setInt(3, FINGERPRINTS);
            derived.setObject(4, school.tenant().value());
            derived.setObject(5, student.value());
            derived.executeUpdate();
        }
    }

    /** The index's per-course counts, as filing one submission at a time would have left them. */
    private static void count(Connection owner, GovernanceWorld.School school) throws SQLException {
        try (PreparedStatement counts = owner.prepareStatement("""
                WITH hashes AS (
                    INSERT INTO fingerprint_frequencies (institution_id, course_id, hash, submissions)
                    SELECT institution_id, course_id, hash, count(DISTINCT submission_id)
                    FROM fingerprints CROSS JOIN LATERAL unnest(passage_hashes || word_hashes) AS hash
                    WHERE institution_id = ? GROUP BY institution_id, course_id, hash)
                INSERT INTO fingerprinted_courses (institution_id, course_id, submissions)
                SELECT institution_id, course_id, count(DISTINCT submission_id) FROM fingerprints
                WHERE institution_id = ? GROUP BY institution_id, course_id""")) {
            counts.setObject(1, school.tenant().value());
            counts.setObject(2, school.tenant().value());
            counts.executeUpdate();
        }
        try (PreparedStatement analyze = owner.prepareStatement("ANALYZE")) {
            analyze.execute();
        }
    }
}
