package org.margin.store.integrity;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.margin.store.Consistency;
import org.margin.store.StoreRejectedException;
import org.margin.store.course.CourseId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** The per-course fingerprint index that similarity checks among a course's submissions read. */
public final class Fingerprints {

    /** The most rows one lookup returns. */
    public static final int MAX_RESULTS = 50_000;

    // The course and the author come from the submission itself, so a fingerprint cannot be filed under another
    // course or author, and the submission's row is locked as a key to it would lock it (V25): its deletion waits
    // for the filing to commit and then takes the filed entries with it. A submission's entries are filed by this
    // one statement, all or none, so a submission that has any has them all and a redelivery files nothing: a test
    // for any entry instead of ON CONFLICT, whose speculative insertion of each row took 40% longer (0.41-0.65 ms
    // against 0.24-0.39 ms for 42 entries). Two filings of one submission at once both find none; the second to
    // commit is refused by the primary key and tried again, and then files nothing. Only rows added are credited to
    // the course's counts. The credit is one row appended to the pending changes (IndexCounts), so filings of a
    // course never wait for one another's counters. The filing also answers what a check asks next: how common the
    // submission's hashes are in its course, as the stored counts, the course's pending changes and this filing's
    // own credit (which the statement's other parts cannot see); a count that changed since comes from a filing
    // that committed meanwhile, as a separate read a moment later could miss too.
    private static final String RECORD = """
            WITH filed AS (
                INSERT INTO fingerprints
                    (institution_id, course_id, submission_id, student_id, kind, hash, position, start_offset,
                     end_offset)
                SELECT s.institution_id, s.course_id, s.id, s.student_id, f.kind, f.hash, f.position, f.start_offset,
                       f.end_offset
                FROM submissions s,
                     unnest($3::smallint[], $4::bigint[], $5::integer[], $6::integer[], $7::integer[])
                         AS f(kind, hash, position, start_offset, end_offset)
                WHERE s.institution_id = $1 AND s.id = $2
                  AND NOT EXISTS (SELECT 1 FROM fingerprints e WHERE e.institution_id = $1 AND e.submission_id = $2)
                FOR KEY SHARE OF s
                RETURNING course_id, hash),
            added AS (
                SELECT course_id, hash FROM filed GROUP BY course_id, hash),
            credited AS (
                INSERT INTO fingerprint_count_deltas (institution_id, course_id, submissions, hashes, holders)
                SELECT $1, course_id, 1, array_agg(hash ORDER BY hash), array_agg(1) FROM added GROUP BY course_id
                RETURNING submissions, hashes, holders),
            course AS (
                SELECT course_id FROM submissions WHERE institution_id = $1 AND id = $2)
            SELECT 'filed' AS part, NULL::bigint AS hash, count(*)::integer AS n, NULL::bigint[] AS hashes,
                   NULL::integer[] AS holders
            FROM filed
            UNION ALL
            SELECT 'stored', f.hash, f.submissions, NULL, NULL
            FROM course c JOIN fingerprint_frequencies f ON f.institution_id = $1 AND f.course_id = c.course_id
            WHERE f.hash = ANY($4::bigint[])
            UNION ALL
            SELECT 'stored', NULL, fc.submissions, NULL, NULL
            FROM course c JOIN fingerprinted_courses fc ON fc.institution_id = $1 AND fc.course_id = c.course_id
            UNION ALL
            SELECT 'pending', NULL, d.submissions, d.hashes, d.holders
            FROM course c JOIN fingerprint_count_deltas d ON d.institution_id = $1 AND d.course_id = c.course_id
            UNION ALL
            SELECT 'pending', NULL, submissions, hashes, holders FROM credited""";
    // One primary-key lookup per hash, the course's size (the row with a null hash), and the course's pending
    // changes as they are stored (IndexCounts folds them in moments after they come, so they are few). Their hashes
    // are matched by the caller: the planner cannot know how many an array holds, and a join it thought small ran
    // a nested loop over an erasure's thousands of hashes for each hash asked.
    private static final String FREQUENCIES = """
            SELECT 'stored' AS part, hash, submissions AS n, NULL::bigint[] AS hashes, NULL::integer[] AS holders
            FROM fingerprint_frequencies
            WHERE institution_id = $1 AND course_id = $2 AND hash = ANY($3::bigint[])
            UNION ALL
            SELECT 'stored', NULL, submissions, NULL, NULL
            FROM fingerprinted_courses WHERE institution_id = $1 AND course_id = $2
            UNION ALL
            SELECT 'pending', NULL, submissions, hashes, holders
            FROM fingerprint_count_deltas WHERE institution_id = $1 AND course_id = $2""";
    // The candidates are the submissions holding the most seeds (index-only on the per-course index); each one's
    // entries for the checked words and passages are then read on the primary key (index-only, one range per kind)
    // and sent as one row of arrays per candidate: a check receives a few dozen rows instead of every shared entry.
    // The aggregates keep each lateral read per candidate (an aggregating subquery is not flattened into the join).
    // Row-level security reads the entries' own student_id, one hashed probe per entry (V20). A candidate's entries
    // are matched against the checked hashes (hundreds) by a hash semi-join: "= ANY(array)" is hashed only when the
    // array is a constant, so in a plan made once it is a linear search per entry (5-20 times slower at 10,000
    // essays), and a plan made per call spends milliseconds estimating each element. Hence planned once per
    // connection: re-planned on every call, planning cost up to twenty times the execution.
    private static final String CANDIDATES = """
            WITH candidate AS (
                SELECT submission_id
                FROM fingerprints
                WHERE institution_id = $1 AND course_id = $2 AND hash = ANY($3::bigint[])
                  AND ($6::uuid IS NULL OR submission_id <> $6)
                GROUP BY submission_id
                ORDER BY count(DISTINCT hash) DESC, submission_id
                LIMIT $7)
            SELECT c.submission_id, w.hashes AS word_hashes, w.positions AS word_positions,
                   p.hashes AS passage_hashes, p.positions AS passage_positions, p.starts AS passage_starts,
                   p.ends AS passage_ends
            FROM candidate c
            CROSS JOIN LATERAL (
                SELECT array_agg(hash ORDER BY position) AS hashes, array_agg(position ORDER BY position) AS positions
                FROM fingerprints
                WHERE institution_id = $1 AND submission_id = c.submission_id AND kind = 1
                  AND hash IN (SELECT unnest($5::bigint[]))) w
            CROSS JOIN LATERAL (
                SELECT array_agg(hash ORDER BY position) AS hashes, array_agg(position ORDER BY position) AS positions,
                       array_agg(start_offset ORDER BY position) AS starts,
                       array_agg(end_offset ORDER BY position) AS ends
                FROM fingerprints
                WHERE institution_id = $1 AND submission_id = c.submission_id AND kind = 0
                  AND hash IN (SELECT unnest($4::bigint[]))) p
            WHERE w.hashes IS NOT NULL OR p.hashes IS NOT NULL""";
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
     * Files a submission's fingerprints under its course and credits them to the course's counts; returns how
     * many were added: all, or 0 when the submission is unknown in this tenant or has its entries already (they
     * are kept as they are and not counted again). The credit is pending until {@link IndexCounts} folds it in, and
     * counted by every read meanwhile.
     */
    public long record(TenantId tenant, SubmissionId submission, List<Fingerprint> fingerprints) {
        return file(tenant, submission, fingerprints).filed();
    }

    /**
     * {@link #record}, in the same one statement answering {@link #frequencies} for the hashes of
     * {@code fingerprints} in the submission's course, counting this filing: a check files and learns how common
     * its hashes are in one round trip.
     */
    public Filing file(TenantId tenant, SubmissionId submission, List<Fingerprint> fingerprints) {
        Short[] kinds = fingerprints.stream().map(fingerprint -> fingerprint.kind().code()).toArray(Short[]::new);
        Long[] hashes = fingerprints.stream().map(Fingerprint::hash).toArray(Long[]::new);
        Integer[] positions = fingerprints.stream().map(Fingerprint::position).toArray(Integer[]::new);
        Integer[] starts = fingerprints.stream().map(Fingerprint::start).toArray(Integer[]::new);
        Integer[] ends = fingerprints.stream().map(Fingerprint::end).toArray(Integer[]::new);
        Object[] parameters = {tenant.value(), submission.value(), kinds, hashes, positions, starts, ends};
        try {
            return fileOnce(tenant, hashes, parameters);
        } catch (StoreRejectedException refused) {
            if (refused.reason() != StoreRejectedException.Reason.DUPLICATE) {
                throw refused;
            }
            return fileOnce(tenant, hashes, parameters);
        }
    }

    private Filing fileOnce(TenantId tenant, Long[] hashes, Object[] parameters) {
        long[] filed = {0};
        CountReading counts = new CountReading(hashes);
        transactions.writeOne(tenant, "fingerprint recording", RECORD, row -> {
            if (Sql.required(row, "part", String.class).equals("filed")) {
                filed[0] = Sql.required(row, "n", Integer.class);
            } else {
                counts.add(row);
            }
            return row;
        }, parameters);
        return new Filing(filed[0], counts.frequencies());
    }

    /** How many of the course's filed submissions hold each of the hashes, and how many it has filed. */
    public HashFrequencies frequencies(TenantId tenant, CourseId course, Collection<Long> hashes,
                                       Consistency consistency) {
        Long[] wanted = hashes.toArray(Long[]::new);
        CountReading counts = new CountReading(wanted);
        transactions.query(tenant, consistency, "fingerprint frequencies", FREQUENCIES, row -> {
            counts.add(row);
            return row;
        }, tenant.value(), course.value(), wanted);
        return counts.frequencies();
    }

    /**
     * Sums the rows {@link #RECORD} and {@link #FREQUENCIES} give: a hash's stored count, the course's stored size
     * (no hash), and pending changes (no hash: a change to the course's size, with arrays of hashes and their
     * changes), kept for the wanted hashes only.
     */
    private static final class CountReading {

        private final Set<Long> wanted;
        private final Map<Long, Integer> holders;
        private int submissions;

        CountReading(Long[] wanted) {
            this.wanted = new HashSet<>(Arrays.asList(wanted));
            this.holders = new HashMap<>(wanted.length * 2);
        }

        void add(Readable row) {
            int n = Sql.required(row, "n", Integer.class);
            Long hash = row.get("hash", Long.class);
            if (hash != null) {
                holders.merge(hash, n, Integer::sum);
                return;
            }
            submissions += n;
            Long[] changed = row.get("hashes", Long[].class);
            if (changed == null) {
                return;
            }
            Integer[] changes = Sql.required(row, "holders", Integer[].class);
            for (int i = 0; i < changed.length; i++) {
                if (wanted.contains(changed[i])) {
                    holders.merge(changed[i], changes[i], Integer::sum);
                }
            }
        }

        HashFrequencies frequencies() {
            holders.values().removeIf(count -> count <= 0);
            return new HashFrequencies(Math.max(0, submissions), holders);
        }
    }

    /**
     * The course's {@code candidates} submissions (but {@code excluding}, when given) that hold the most distinct
     * {@code seeds}, each with its entries among the checked {@code passages} and {@code words} (a candidate holding
     * none of them is left out).
     */
    public List<CandidateEntries> candidates(TenantId tenant, CourseId course, Collection<Long> seeds,
                                             Collection<Long> passages, Collection<Long> words,
                                             Optional<SubmissionId> excluding, int candidates,
                                             Consistency consistency) {
        requireLimit(candidates);
        Object excluded = excluding.<Object>map(SubmissionId::value).orElse(new Sql.Null(UUID.class));
        return transactions.queryPlannedOnce(tenant, consistency, "fingerprint candidates", CANDIDATES,
                Fingerprints::candidate, tenant.value(), course.value(), seeds.toArray(Long[]::new),
                passages.toArray(Long[]::new), words.toArray(Long[]::new), excluded, candidates);
    }

    private static CandidateEntries candidate(Readable row) {
        SubmissionId submission = new SubmissionId(Sql.required(row, "submission_id", UUID.class));
        Long[] wordHashes = orEmpty(row.get("word_hashes", Long[].class), Long[]::new);
        Integer[] wordPositions = orEmpty(row.get("word_positions", Integer[].class), Integer[]::new);
        Long[] passageHashes = orEmpty(row.get("passage_hashes", Long[].class), Long[]::new);
        Integer[] positions = orEmpty(row.get("passage_positions", Integer[].class), Integer[]::new);
        Integer[] starts = orEmpty(row.get("passage_starts", Integer[].class), Integer[]::new);
        Integer[] ends = orEmpty(row.get("passage_ends", Integer[].class), Integer[]::new);
        List<FingerprintMatch> passages = new ArrayList<>(passageHashes.length);
        for (int i = 0; i < passageHashes.length; i++) {
            passages.add(new FingerprintMatch(submission, passageHashes[i], positions[i], starts[i], ends[i]));
        }
        long[] hashes = new long[wordHashes.length];
        int[] at = new int[wordPositions.length];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = wordHashes[i];
            at[i] = wordPositions[i];
        }
        return new CandidateEntries(submission, hashes, at, passages);
    }

    /** array_agg over no rows is null. */
    private static <T> T[] orEmpty(T[] values, IntFunction<T[]> empty) {
        return values == null ? empty.apply(0) : values;
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
