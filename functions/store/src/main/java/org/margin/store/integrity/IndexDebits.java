package org.margin.store.integrity;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;
import reactor.core.publisher.Mono;

/**
 * Taking removed submissions back out of the integrity index's per-course counts (V12) in two steps. Whatever
 * deletes fingerprints does so with {@link #deleteFingerprints}, which records in the same statement, from exactly
 * the entries it deleted, what their submissions had added to the counts ({@code fingerprint_debits}, V21): an
 * erasure that commits always leaves its debits, and two removals racing for the same entries debit them once.
 * {@link #apply} then lowers the counts, one debit row (at most {@value #BATCH} hashes) per transaction, deleting the
 * row in the transaction that applies it; a row another applier holds is skipped, so any number of appliers may run
 * at once and none applies a row twice.
 */
public final class IndexDebits {

    private static final System.Logger LOG = System.getLogger(IndexDebits.class.getName());

    /** The most hashes one debit row holds, so one application is a bounded transaction. */
    public static final int BATCH = 5_000;

    // A submission counts once per distinct hash it filed and once per course (Fingerprints.RECORD), whatever the
    // kind or position, hence the distinct counts. The course's size is a subquery per debit row, not a join: the
    // planner cannot know how many entries the deletion returns, and a join it thought tiny ran a nested loop that
    // re-aggregated every deleted entry for each hash.
    private static final String DELETE_AND_DEBIT = """
            WITH gone AS (
                DELETE FROM fingerprints WHERE institution_id = $1 AND submission_id IN (%s)
                RETURNING course_id, submission_id, hash),
            held AS (
                SELECT course_id, hash, count(DISTINCT submission_id)::integer AS n,
                       (row_number() OVER (PARTITION BY course_id ORDER BY hash) - 1) / %d AS batch
                FROM gone GROUP BY course_id, hash),
            debited AS (
                INSERT INTO fingerprint_debits (institution_id, course_id, submissions, hashes, holders)
                SELECT $1, course_id,
                       CASE WHEN batch = 0 THEN (SELECT count(DISTINCT g.submission_id)::integer FROM gone g
                                                 WHERE g.course_id = held.course_id) ELSE 0 END,
                       array_agg(hash ORDER BY hash), array_agg(n ORDER BY hash)
                FROM held
                GROUP BY course_id, batch)
            SELECT count(*) AS deleted FROM gone""";
    private static final String CLAIM = """
            SELECT id, course_id, submissions, hashes, holders FROM fingerprint_debits WHERE institution_id = $1
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""";
    // The counters are locked first, in hash order like a filing's, so the lowering below reads values no one can
    // change before it writes: in one statement, an UPDATE for counts above the debit and a DELETE for the rest
    // would otherwise lose the debit of a row a filing raised in between (neither would match it on recheck).
    // The hashes travel as parameters rather than being unnested from the row in SQL: the planner then knows
    // there are thousands and probes the primary key for them instead of scanning the table.
    private static final String LOCK_COUNTERS = """
            SELECT count(*) AS locked FROM (
                SELECT 1 FROM fingerprint_frequencies
                WHERE institution_id = $1 AND course_id = $2 AND hash = ANY($3::bigint[])
                ORDER BY hash
                FOR UPDATE) counters""";
    private static final String LOCK_COURSE = """
            SELECT count(*) AS locked FROM (
                SELECT 1 FROM fingerprinted_courses WHERE institution_id = $1 AND course_id = $2
                FOR UPDATE) course""";
    private static final String LOWER = """
            WITH held AS (
                SELECT hash, n FROM unnest($3::bigint[], $4::integer[]) AS h(hash, n)),
            lowered AS (
                UPDATE fingerprint_frequencies q SET submissions = q.submissions - held.n
                FROM held
                WHERE q.institution_id = $1 AND q.course_id = $2 AND q.hash = ANY($3::bigint[])
                  AND q.hash = held.hash AND q.submissions > held.n
                RETURNING 1),
            dropped AS (
                DELETE FROM fingerprint_frequencies q USING held
                WHERE q.institution_id = $1 AND q.course_id = $2 AND q.hash = ANY($3::bigint[])
                  AND q.hash = held.hash AND q.submissions <= held.n
                RETURNING 1),
            resized AS (
                UPDATE fingerprinted_courses SET submissions = submissions - $5
                WHERE institution_id = $1 AND course_id = $2 AND $5 > 0 AND submissions > $5
                RETURNING 1),
            emptied AS (
                DELETE FROM fingerprinted_courses
                WHERE institution_id = $1 AND course_id = $2 AND $5 > 0 AND submissions <= $5
                RETURNING 1),
            applied AS (
                DELETE FROM fingerprint_debits WHERE institution_id = $1 AND id = $6
                RETURNING 1)
            SELECT count(*) AS applied FROM applied""";

    private record Debit(UUID id, UUID course, int submissions, Long[] hashes, Integer[] holders) {
    }

    private final TenantTransactions transactions;

    public IndexDebits(TenantTransactions transactions) {
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
     * Applies the tenant's pending debits, a row per transaction, until none is left that no other applier holds;
     * returns how many hash counts it lowered or dropped.
     */
    public long apply(TenantId tenant) {
        long lowered = 0;
        for (long batch = applyOne(tenant); batch >= 0; batch = applyOne(tenant)) {
            lowered += batch;
        }
        return lowered;
    }

    /**
     * {@link #apply}, for callers that must not fail on it: debits it does not get to stay in the store for the next
     * retention run, so a failure costs no count and only delays the lowering; it is logged by kind.
     */
    public void applyOrLeave(TenantId tenant) {
        try {
            apply(tenant);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "index debits of " + tenant + " left to the next retention run: "
                    + failure.getClass().getSimpleName());
        }
    }

    /** Applies one pending debit row; -1 when there is none to take. */
    private long applyOne(TenantId tenant) {
        Object t = tenant.value();
        return transactions.write(tenant, "index debit", connection ->
                Sql.rows(connection, CLAIM, IndexDebits::debit, t).next()
                        .flatMap(debit -> Sql.rows(connection, LOCK_COUNTERS, row -> true, t, debit.course(),
                                        debit.hashes()).then()
                                .then(debit.submissions() == 0 ? Mono.<Void>empty()
                                        : Sql.rows(connection, LOCK_COURSE, row -> true, t, debit.course()).then())
                                .then(Sql.rows(connection, LOWER, row -> Sql.required(row, "applied", Long.class),
                                                t, debit.course(), debit.hashes(), debit.holders(),
                                                debit.submissions(), debit.id())
                                        .single())
                                .map(applied -> applied == 1 ? (long) debit.hashes().length : 0L))
                        .defaultIfEmpty(-1L));
    }

    private static Debit debit(Readable row) {
        return new Debit(Sql.required(row, "id", UUID.class), Sql.required(row, "course_id", UUID.class),
                Sql.required(row, "submissions", Integer.class), Sql.required(row, "hashes", Long[].class),
                Sql.required(row, "holders", Integer[].class));
    }
}
