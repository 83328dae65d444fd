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
    // for the filing to commit and then takes the filed entries with it. A submission's entries are one row (V28),
    // filed all or none, so a redelivery finds the row and files nothing; only a row added is credited to the
    // course's counts. The credit is one row appended to the pending changes (IndexCounts), so filings of a course
    // never wait for one another's counters. The filing also answers what a check asks next: how common the
    // submission's hashes are in its course, as the stored counts, the course's pending changes and this filing's
    // own credit (which the statement's other parts cannot see); a count that changed since comes from a filing
    // that committed meanwhile, as a separate read a moment later could miss too.
    private static final String RECORD = """
            WITH filed AS (
                INSERT INTO fingerprints
                    (institution_id, course_id, submission_id, student_id, passage_hashes, passage_positions,
                     passage_starts, passage_ends, word_hashes, word_positions, index_keys)
                SELECT s.institution_id, s.course_id, s.id, s.student_id, $3, $4, $5, $6, $7, $8,
                       ARRAY(SELECT DISTINCT course_hash_key(s.course_id, hash)
                             FROM unnest($3::bigint[] || $7::bigint[]) AS hash)
                FROM submissions s
                WHERE s.institution_id = $1 AND s.id = $2 AND cardinality($3::bigint[]) + cardinality($7::bigint[]) > 0
                FOR KEY SHARE OF s
                ON CONFLICT (institution_id, submission_id) DO NOTHING
                RETURNING course_id, passage_hashes, word_hashes),
            added AS (
                SELECT DISTINCT f.course_id, e.hash
                FROM filed f CROSS JOIN LATERAL unnest(f.passage_hashes || f.word_hashes) AS e(hash)),
            credited AS (
                INSERT INTO fingerprint_count_deltas (institution_id, course_id, submissions, hashes, holders)
                SELECT $1, course_id, 1, array_agg(hash ORDER BY hash), array_agg(1) FROM added GROUP BY course_id
                RETURNING submissions, hashes, holders),
            course AS (
                SELECT course_id FROM submissions WHERE institution_id = $1 AND id = $2)
            SELECT 'filed' AS part, NULL::bigint AS hash,
                   coalesce(sum(cardinality(passage_hashes) + cardinality(word_hashes)), 0)::integer AS n,
                   NULL::bigint[] AS hashes, NULL::integer[] AS holders
            FROM filed
            UNION ALL
            SELECT 'stored', f.hash, f.submissions, NULL, NULL
            FROM course c JOIN fingerprint_frequencies f ON f.institution_id = $1 AND f.course_id = c.course_id
            WHERE f.hash = ANY($3::bigint[] || $7::bigint[])
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
    // The candidates are the submissions holding the most seeds, from the GIN index (V28) through
    // fingerprint_holders, which reads it as the table's owner within the tenant: under row-level security the index
    // could not serve an array operator at all. The holders are joined to fingerprints under the caller's policies
    // before they are ranked, so an actor's candidates are the most similar of the submissions it may see (the
    // policy reads each row's own student_id, one hashed probe per row, V20). The candidates' entries for the checked
    // words and passages are then taken from their rows and sent as one row of arrays per candidate: a check receives
    // a few dozen rows instead of every shared entry. They are matched against the checked hashes (hundreds) by a
    // hashed subplan: "= ANY(array)" is hashed only when the array is a constant, so in a plan made once it is a
    // linear search per entry, and a plan made per call spends milliseconds estimating each element. Hence planned
    // once per connection.
    private static final String CANDIDATES = """
            WITH candidate AS (
                SELECT held.submission_id
                FROM fingerprint_holders($2, $3::bigint[], $6::uuid) AS held
                JOIN fingerprints visible
                  ON visible.institution_id = $1 AND visible.submission_id = held.submission_id
                ORDER BY held.held DESC, held.submission_id
                LIMIT $7)
            SELECT c.submission_id, w.hashes AS word_hashes, w.positions AS word_positions,
                   p.hashes AS passage_hashes, p.positions AS passage_positions, p.starts AS passage_starts,
                   p.ends AS passage_ends
            FROM candidate c
            JOIN fingerprints f ON f.institution_id = $1 AND f.submission_id = c.submission_id
            CROSS JOIN LATERAL (
                SELECT array_agg(e.hash ORDER BY e.position) AS hashes,
                       array_agg(e.position ORDER BY e.position) AS positions
                FROM unnest(f.word_hashes, f.word_positions) AS e(hash, position)
                WHERE e.hash IN (SELECT unnest($5::bigint[]))) w
            CROSS JOIN LATERAL (
                SELECT array_agg(e.hash ORDER BY e.position) AS hashes,
                       array_agg(e.position ORDER BY e.position) AS positions,
                       array_agg(e.start_offset ORDER BY e.position) AS starts,
                       array_agg(e.end_offset ORDER BY e.position) AS ends
                FROM unnest(f.passage_hashes, f.passage_positions, f.passage_starts, f.passage_ends)
                    AS e(hash, position, start_offset, end_offset)
                WHERE e.hash IN (SELECT unnest($4::bigint[]))) p
            WHERE w.hashes IS NOT NULL OR p.hashes IS NOT NULL""";
    private static final String OVERLAPS = """
            SELECT held.submission_id, held.held AS shared
            FROM fingerprints mine
            CROSS JOIN LATERAL fingerprint_holders(mine.course_id, mine.passage_hashes || mine.word_hashes,
                                                   mine.submission_id) AS held
            JOIN fingerprints other ON other.institution_id = $1 AND other.submission_id = held.submission_id
            WHERE mine.institution_id = $1 AND mine.submission_id = $2
            ORDER BY shared DESC, held.submission_id
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
        List<Fingerprint> passages = fingerprints.stream()
                .filter(fingerprint -> fingerprint.kind() == Fingerprint.Kind.PASSAGE).toList();
        List<Fingerprint> words = fingerprints.stream()
                .filter(fingerprint -> fingerprint.kind() == Fingerprint.Kind.WORD).toList();
        Long[] passageHashes = passages.stream().map(Fingerprint::hash).toArray(Long[]::new);
        Long[] wordHashes = words.stream().map(Fingerprint::hash).toArray(Long[]::new);
        long[] filed = {0};
        CountReading counts = new CountReading(fingerprints.stream().map(Fingerprint::hash).toArray(Long[]::new));
        transactions.writeOne(tenant, "fingerprint recording", RECORD, row -> {
            if (Sql.required(row, "part", String.class).equals("filed")) {
                filed[0] = Sql.required(row, "n", Integer.class);
            } else {
                counts.add(row);
            }
            return row;
        }, tenant.value(), submission.value(), passageHashes,
                passages.stream().map(Fingerprint::position).toArray(Integer[]::new),
                passages.stream().map(Fingerprint::start).toArray(Integer[]::new),
                passages.stream().map(Fingerprint::end).toArray(Integer[]::new),
                wordHashes, words.stream().map(Fingerprint::position).toArray(Integer[]::new));
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
