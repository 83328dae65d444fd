package org.margin.store.integrity;

import io.r2dbc.spi.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;
import reactor.core.publisher.Mono;

/**
 * The integrity index's per-course counts (V12), changed through signed rows appended to
 * {@code fingerprint_count_deltas} (V23) and folded into the counts later. A filing appends its credit in its own
 * statement ({@link Fingerprints#file}); whatever deletes fingerprints does so with {@link #deleteFingerprints},
 * which appends in the same statement, from exactly the entries it deleted, their debit: a removal that commits
 * always leaves its debit, and two removals racing for the same entries debit them once. Reads
 * ({@link Fingerprints}) add the pending rows to the stored counts, so when rows are folded in changes no figure.
 *
 * <p>{@link #apply} folds pending rows in the order they were written, at most {@value #BATCH} hashes per
 * transaction, deleting them in the transaction that folds them. Appliers of a tenant take turns under an advisory
 * lock, so any number may run at once, none folds a row twice, and only an applier ever writes a counter: filings
 * never wait for one another. {@link #applySoon} asks for an application in the background and coalesces the
 * requests of a burst, so a burst of filings is folded in a few batches, one write per hash per batch.
 */
public final class IndexCounts {

    private static final System.Logger LOG = System.getLogger(IndexCounts.class.getName());

    /** The most hashes one debit row holds and about the most one application folds. */
    public static final int BATCH = 5_000;

    // A submission counts once per distinct hash it filed and once per course (Fingerprints.RECORD), whatever the
    // kind or position, hence the distinct counts. The course's size is a subquery per debit row, not a join: the
    // planner cannot know how many entries the deletion returns, and a join it thought tiny ran a nested loop that
    // re-aggregated every deleted entry for each hash. What is deleted is counted in entries, as it was filed.
    private static final String DELETE_AND_DEBIT = """
            WITH gone AS (
                DELETE FROM fingerprints WHERE institution_id = $1 AND submission_id IN (%s)
                RETURNING course_id, submission_id, passage_hashes, word_hashes),
            entries AS (
                SELECT g.course_id, g.submission_id, e.hash
                FROM gone g CROSS JOIN LATERAL unnest(g.passage_hashes || g.word_hashes) AS e(hash)),
            held AS (
                SELECT course_id, hash, count(DISTINCT submission_id)::integer AS n,
                       (row_number() OVER (PARTITION BY course_id ORDER BY hash) - 1) / %d AS batch
                FROM entries GROUP BY course_id, hash),
            debited AS (
                INSERT INTO fingerprint_count_deltas (institution_id, course_id, submissions, hashes, holders)
                SELECT $1, course_id,
                       CASE WHEN batch = 0 THEN -(SELECT count(*)::integer FROM gone g
                                                  WHERE g.course_id = held.course_id) ELSE 0 END,
                       array_agg(hash ORDER BY hash), array_agg(-n ORDER BY hash)
                FROM held
                GROUP BY course_id, batch)
            SELECT count(*) AS deleted FROM entries""";
    private static final String TAKE_TURN = """
            SELECT 1 AS turn FROM (
                SELECT pg_advisory_xact_lock(hashtextextended('fingerprint_count_deltas:' || $1::text, 0))) lock""";
    // Rows are taken oldest first until they hold BATCH hashes (always at least one). Each counter changes once, by
    // the sum of the batch's changes to it: a positive sum is added (inserting the counter if it is new), a negative
    // one lowered or, at zero, the counter deleted. Positive and negative sums name different counters, so no row
    // is written twice by the statement; only appliers write counters, and they take turns, so nothing changes a
    // counter between this statement's read of it and its write.
    private static final String FOLD = """
            WITH batch AS (
                SELECT id FROM (
                    SELECT id, sum(cardinality(hashes)) OVER (ORDER BY id) - cardinality(hashes) AS before
                    FROM fingerprint_count_deltas WHERE institution_id = $1) pending
                WHERE before < $2),
            taken AS (
                DELETE FROM fingerprint_count_deltas d USING batch
                WHERE d.institution_id = $1 AND d.id = batch.id
                RETURNING d.course_id, d.submissions, d.hashes, d.holders),
            changes AS (
                SELECT t.course_id, h.hash, sum(h.n)::integer AS n
                FROM taken t CROSS JOIN LATERAL unnest(t.hashes, t.holders) AS h(hash, n)
                GROUP BY t.course_id, h.hash
                HAVING sum(h.n) <> 0),
            raised AS (
                INSERT INTO fingerprint_frequencies (institution_id, course_id, hash, submissions)
                SELECT $1, course_id, hash, n FROM changes WHERE n > 0
                ON CONFLICT (institution_id, course_id, hash)
                DO UPDATE SET submissions = fingerprint_frequencies.submissions + excluded.submissions
                RETURNING 1),
            lowered AS (
                UPDATE fingerprint_frequencies q SET submissions = q.submissions + c.n
                FROM changes c
                WHERE q.institution_id = $1 AND q.course_id = c.course_id AND q.hash = c.hash
                  AND c.n < 0 AND q.submissions + c.n > 0
                RETURNING 1),
            dropped AS (
                DELETE FROM fingerprint_frequencies q USING changes c
                WHERE q.institution_id = $1 AND q.course_id = c.course_id AND q.hash = c.hash
                  AND c.n < 0 AND q.submissions + c.n <= 0
                RETURNING 1),
            sizes AS (
                SELECT course_id, sum(submissions)::integer AS n FROM taken
                GROUP BY course_id HAVING sum(submissions) <> 0),
            grown AS (
                INSERT INTO fingerprinted_courses (institution_id, course_id, submissions)
                SELECT $1, course_id, n FROM sizes WHERE n > 0
                ON CONFLICT (institution_id, course_id)
                DO UPDATE SET submissions = fingerprinted_courses.submissions + excluded.submissions
                RETURNING 1),
            shrunk AS (
                UPDATE fingerprinted_courses fc SET submissions = fc.submissions + s.n
                FROM sizes s
                WHERE fc.institution_id = $1 AND fc.course_id = s.course_id AND s.n < 0 AND fc.submissions + s.n > 0
                RETURNING 1),
            emptied AS (
                DELETE FROM fingerprinted_courses fc USING sizes s
                WHERE fc.institution_id = $1 AND fc.course_id = s.course_id AND s.n < 0 AND fc.submissions + s.n <= 0
                RETURNING 1)
            SELECT count(*) AS taken, coalesce(sum(cardinality(hashes)), 0) AS hashes FROM taken""";

    private record Folded(long rows, long hashes) {
    }

    private final TenantTransactions transactions;
    /** Per tenant, the applications asked for and not yet begun; a background applier runs while it is above 0. */
    private final Map<TenantId, AtomicInteger> requested = new ConcurrentHashMap<>();

    public IndexCounts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Deletes, on a transaction's connection, the fingerprints of the submissions {@code doomed} selects and debits
     * their counts; emits the entries deleted. {@code doomed} is a query of submission ids of tenant $1, its other
     * parameters from $2 on.
     */
    public static Mono<Long> deleteFingerprints(Connection connection, String doomed, Object... parameters) {
        return Sql.rows(connection, DELETE_AND_DEBIT.formatted(doomed, BATCH),
                row -> Sql.required(row, "deleted", Long.class), parameters).single();
    }

    /**
     * Folds the tenant's pending changes into its counts, a batch per transaction, until none is left; returns how
     * many hash changes it folded.
     */
    public long apply(TenantId tenant) {
        long hashes = 0;
        for (Folded batch = applyOne(tenant); batch.rows() > 0; batch = applyOne(tenant)) {
            hashes += batch.hashes();
        }
        return hashes;
    }

    /**
     * {@link #apply}, for callers that must not fail on it: changes it does not get to stay pending, which costs no
     * count (reads add them) and only delays the folding to the next application; it is logged by kind.
     */
    public void applyOrLeave(TenantId tenant) {
        try {
            apply(tenant);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "index count changes of " + tenant + " left to the next application: "
                    + failure.getClass().getSimpleName());
        }
    }

    /**
     * Asks for {@link #applyOrLeave} on a virtual thread and returns at once. While one runs for the tenant, further
     * requests only make it go round again when it is done, so a burst of requests costs a few applications.
     */
    public void applySoon(TenantId tenant) {
        AtomicInteger pending = requested.computeIfAbsent(tenant, t -> new AtomicInteger());
        if (pending.getAndIncrement() == 0) {
            Thread.ofVirtual().name("index-counts").start(() -> {
                int served;
                do {
                    served = pending.get();
                    applyOrLeave(tenant);
                } while (pending.addAndGet(-served) > 0);
            });
        }
    }

    private Folded applyOne(TenantId tenant) {
        Object t = tenant.value();
        return transactions.write(tenant, "index count folding", connection ->
                Sql.rows(connection, TAKE_TURN, row -> 1, t).then(
                        Sql.rows(connection, FOLD, row -> new Folded(Sql.required(row, "taken", Long.class),
                                Sql.required(row, "hashes", Long.class)), t, BATCH).single()));
    }
}
