package org.margin.store.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.margin.store.local.LocalDatabase;
import org.margin.store.profile.Metric;
import org.margin.store.tenant.TenantId;

/**
 * Seeds one institution with {@value #STUDENTS} students in {@value #COURSES} courses and {@value #SUBMISSIONS}
 * analysed submissions, all generated inside PostgreSQL (set-based INSERT ... SELECT from generate_series), in one
 * transaction together with a marker row, so that a seeded cluster is either complete or untouched and can be reused
 * by later runs.
 */
final class BenchmarkData {

    static final int STUDENTS = 100_000;
    static final int COURSES = 2_000;
    static final int SUBMISSIONS = 1_000_000;
    static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000be4c"));

    private static final String[] SEED = {
        "CREATE SCHEMA bench",
        "CREATE TABLE bench.seed (students integer NOT NULL, courses integer NOT NULL, submissions integer NOT NULL)",
        "SELECT setseed(0.42)",
        "INSERT INTO institutions (id, name) VALUES ('%1$s'::uuid, 'Benchmark institution')",
        // Pseudonyms are digests of an index, so any run can name student i or course c without a lookup.
        """
        INSERT INTO people (institution_id, id)
        SELECT '%1$s'::uuid, md5('student-' || i)::uuid FROM generate_series(0, %2$d - 1) i
        UNION ALL
        SELECT '%1$s'::uuid, md5('teacher-' || c)::uuid FROM generate_series(0, %3$d - 1) c""",
        """
        INSERT INTO person_identities (institution_id, person_id, lms_user_id, lms_user_lookup)
        SELECT '%1$s'::uuid, md5('student-' || i)::uuid, convert_to('lms-' || i, 'UTF8'),
               decode(md5('lookup-' || i), 'hex')
        FROM generate_series(0, %2$d - 1) i""",
        """
        INSERT INTO courses (institution_id, id, code, title)
        SELECT '%1$s'::uuid, md5('course-' || c)::uuid, 'C-' || c, 'Course ' || c
        FROM generate_series(0, %3$d - 1) c""",
        """
        INSERT INTO enrollments (institution_id, course_id, person_id, role, starts_on)
        SELECT '%1$s'::uuid, md5('course-' || (i %% %3$d))::uuid, md5('student-' || i)::uuid, 'student',
               '2026-09-01'::date
        FROM generate_series(0, %2$d - 1) i
        UNION ALL
        SELECT '%1$s'::uuid, md5('course-' || c)::uuid, md5('teacher-' || c)::uuid, 'teacher', '2026-09-01'::date
        FROM generate_series(0, %3$d - 1) c""",
        """
        INSERT INTO submissions (institution_id, course_id, student_id, submitted_at, body)
        SELECT '%1$s'::uuid, md5('course-' || ((n %% %2$d) %% %3$d))::uuid, md5('student-' || (n %% %2$d))::uuid,
               timestamptz '2026-09-01' + (n / %2$d) * interval '1 week' + random() * interval '3 days',
               decode(md5('body-' || n) || md5('more-' || n), 'hex')
        FROM generate_series(0, %4$d - 1) n""",
        """
        INSERT INTO writing_metrics (institution_id, submission_id, course_id, student_id, submitted_at,
            word_count, sentence_count, character_count, syllable_count, flesch_reading_ease, flesch_kincaid_grade,
            gunning_fog, smog_index, coleman_liau_index, automated_readability_index, type_token_ratio, mtld,
            sentence_length_mean, sentence_length_sd)
        SELECT institution_id, id, course_id, student_id, submitted_at,
               w, round(w / (12 + random() * 10)), w * (4.2 + random()), w * (1.3 + random() * 0.4),
               20 + random() * 70, 3 + random() * 12, 5 + random() * 12, 5 + random() * 10, 4 + random() * 12,
               3 + random() * 13, 0.3 + random() * 0.6, 40 + random() * 80, 10 + random() * 15, 3 + random() * 8
        FROM (SELECT s.*, 150 + floor(random() * 1800) AS w
              FROM submissions s WHERE institution_id = '%1$s'::uuid) s""",
        """
        INSERT INTO profile_aggregates (institution_id, student_id, submission_count, first_submitted_at,
            last_submitted_at, %5$s)
        SELECT institution_id, student_id, count(*), min(submitted_at), max(submitted_at), %6$s
        FROM writing_metrics WHERE institution_id = '%1$s'::uuid GROUP BY institution_id, student_id""",
        "INSERT INTO bench.seed VALUES (%2$d, %3$d, %4$d)",
    };

    private BenchmarkData() {
    }

    /** Seeds the database unless an earlier run did; returns true when it seeded. */
    static boolean ensureSeeded(LocalDatabase database) throws SQLException {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password()); Statement statement = owner.createStatement()) {
            statement.execute("SET search_path TO margin");
            if (seeded(statement)) {
                return false;
            }
            owner.setAutoCommit(false);
            String[] metrics = metricColumns();
            for (String sql : SEED) {
                long started = System.nanoTime();
                statement.execute(sql.formatted(TENANT, STUDENTS, COURSES, SUBMISSIONS, metrics[0], metrics[1]));
                System.out.printf("  seeded in %5.1f s: %s%n", (System.nanoTime() - started) / 1e9,
                        sql.strip().lines().findFirst().orElse(""));
            }
            owner.commit();
            owner.setAutoCommit(true);
            long started = System.nanoTime();
            statement.execute("VACUUM (ANALYZE) submissions, writing_metrics, profile_aggregates, enrollments, people");
            System.out.printf("  vacuumed and analysed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return true;
        }
    }

    static UUID student(int index) {
        return digest("student-" + index);
    }

    static UUID course(int index) {
        return digest("course-" + index);
    }

    private static boolean seeded(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT to_regclass('bench.seed') IS NOT NULL")) {
            row.next();
            if (!row.getBoolean(1)) {
                return false;
            }
        }
        try (ResultSet row = statement.executeQuery("SELECT students, courses, submissions FROM bench.seed")) {
            if (row.next() && row.getInt(1) == STUDENTS && row.getInt(2) == COURSES
                    && row.getInt(3) == SUBMISSIONS) {
                return true;
            }
        }
        throw new IllegalStateException("the benchmark database was seeded with other sizes; delete it and rerun");
    }

    /** The aggregate column list and, in the same order, the expressions that fill it. */
    private static String[] metricColumns() {
        StringBuilder columns = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (Metric metric : Metric.values()) {
            String column = metric.column();
            if (!columns.isEmpty()) {
                columns.append(", ");
                sums.append(", ");
            }
            columns.append(column).append("_sum, ").append(column).append("_sum_squares");
            sums.append("sum(").append(column).append("), sum(").append(column).append(" * ").append(column)
                    .append(')');
        }
        return new String[] {columns.toString(), sums.toString()};
    }

    /** The same digest PostgreSQL's md5(text)::uuid gives. */
    private static UUID digest(String text) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (md5[i] & 0xff);
                low = (low << 8) | (md5[8 + i] & 0xff);
            }
            return new UUID(high, low);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
