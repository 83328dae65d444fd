package org.margin.store.integrity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** The per-course fingerprint index that similarity checks among a course's submissions read. */
public final class Fingerprints {

    /** The most rows one lookup returns. */
    public static final int MAX_RESULTS = 10_000;

    // The course comes from the submission itself, so a fingerprint cannot be filed under another course.
    private static final String RECORD = """
            INSERT INTO fingerprints (institution_id, course_id, submission_id, hash, position, start_offset, end_offset)
            SELECT s.institution_id, s.course_id, s.id, f.hash, f.position, f.start_offset, f.end_offset
            FROM submissions s,
                 unnest($3::bigint[], $4::integer[], $5::integer[], $6::integer[])
                     AS f(hash, position, start_offset, end_offset)
            WHERE s.institution_id = $1 AND s.id = $2
            ON CONFLICT (institution_id, submission_id, position) DO NOTHING""";
    // Both read only the per-course index (index-only scans): the hashes are its third column.
    private static final String SHARING = """
            SELECT submission_id, count(DISTINCT hash) AS shared
            FROM fingerprints
            WHERE institution_id = $1 AND course_id = $2 AND hash = ANY($3::bigint[])
              AND ($4::uuid IS NULL OR submission_id <> $4)
            GROUP BY submission_id
            ORDER BY shared DESC, submission_id
            LIMIT $5""";
    private static final String MATCHES = """
            SELECT submission_id, hash, position, start_offset, end_offset
            FROM fingerprints
            WHERE institution_id = $1 AND course_id = $2 AND hash = ANY($3::bigint[])
              AND submission_id = ANY($4::uuid[])
            ORDER BY submission_id, position
            LIMIT $5""";
    private static final String OVERLAPS = """
            SELECT other.submission_id, count(DISTINCT other.hash) AS shared
            FROM fingerprints mine
            JOIN fingerprints other
              ON other.institution_id = mine.institution_id AND other.course_id = mine.course_id
             AND other.hash = mine.hash AND other.submission_id <> mine.submission_id
            WHERE mine.institution_id = $1 AND mine.submission_id = $2
            GROUP BY other.submission_id
            ORDER BY shared DESC, other.submission_id
            LIMIT $3""";

    private final TenantTransactions transactions;

    public Fingerprints(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Files a submission's fingerprints under its course; returns how many were added (0 when the submission is
     * unknown in this tenant; positions already filed are kept as they are).
     */
    public long record(TenantId tenant, SubmissionId submission, List<Fingerprint> fingerprints) {
        Long[] hashes = fingerprints.stream().map(Fingerprint::hash).toArray(Long[]::new);
        Integer[] positions = fingerprints.stream().map(Fingerprint::position).toArray(Integer[]::new);
        Integer[] starts = fingerprints.stream().map(Fingerprint::start).toArray(Integer[]::new);
        Integer[] ends = fingerprints.stream().map(Fingerprint::end).toArray(Integer[]::new);
        return transactions.write(tenant, "fingerprint recording", connection ->
                Sql.update(connection, RECORD, tenant.value(), submission.value(), hashes, positions, starts, ends));
    }

    /**
     * The course's submissions (but {@code excluding}, when given) that hold any of the hashes, with how many
     * distinct ones each holds, most first.
     */
    public List<Overlap> sharing(TenantId tenant, CourseId course, Collection<Long> hashes,
                                 Optional<SubmissionId> excluding, int limit, Consistency consistency) {
        requireLimit(limit);
        Long[] wanted = hashes.toArray(Long[]::new);
        Object excluded = excluding.<Object>map(SubmissionId::value).orElse(new Sql.Null(UUID.class));
        return transactions.query(tenant, consistency, "fingerprint sharing", SHARING, row -> new Overlap(
                        new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                        Sql.required(row, "shared", Long.class)),
                tenant.value(), course.value(), wanted, excluded, limit);
    }

    /** Where the given hashes occur in the given submissions of the course, by submission and position. */
    public List<FingerprintMatch> matches(TenantId tenant, CourseId course, Collection<Long> hashes,
                                          Collection<SubmissionId> in, int limit, Consistency consistency) {
        requireLimit(limit);
        Long[] wanted = hashes.toArray(Long[]::new);
        UUID[] submissions = in.stream().map(SubmissionId::value).toArray(UUID[]::new);
        return transactions.query(tenant, consistency, "fingerprint lookup", MATCHES, row -> new FingerprintMatch(
                        new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                        Sql.required(row, "hash", Long.class),
                        Sql.required(row, "position", Integer.class),
                        Sql.required(row, "start_offset", Integer.class),
                        Sql.required(row, "end_offset", Integer.class)),
                tenant.value(), course.value(), wanted, submissions, limit);
    }

    /** The course's other submissions that share fingerprints with this one, most shared first. */
    public List<Overlap> overlaps(TenantId tenant, SubmissionId submission, int limit, Consistency consistency) {
        requireLimit(limit);
        return transactions.query(tenant, consistency, "overlap read", OVERLAPS, row -> new Overlap(
                        new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                        Sql.required(row, "shared", Long.class)),
                tenant.value(), submission.value(), limit);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RESULTS);
        }
    }
}
