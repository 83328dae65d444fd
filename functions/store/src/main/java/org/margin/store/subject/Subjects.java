package org.margin.store.subject;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.StoreRejectedException;
import org.margin.store.course.CourseId;
import org.margin.store.integrity.IndexCounts;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything the store holds about one person, read (access, portability) or erased. A new table with a person
 * column must be added here: the erasure test derives the tables to check from the catalogue and fails otherwise.
 */
public final class Subjects {

    private static final String STUDENT_SUBMISSIONS =
            "SELECT id FROM submissions WHERE institution_id = $1 AND student_id = $2";

    private static final String RECORDS = """
            SELECT p.created_at,
                   i.lms_user_id, i.full_name, i.email, i.date_of_birth, i.lms_user_lookup, i.email_lookup,
                   jsonb_build_object(
                'enrollments', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'course_id', e.course_id, 'course_code', c.code, 'course_title', c.title, 'role', e.role,
                        'starts_on', e.starts_on, 'ends_on', e.ends_on) ORDER BY e.starts_on, e.course_id), '[]')
                    FROM enrollments e JOIN courses c ON c.institution_id = e.institution_id AND c.id = e.course_id
                    WHERE e.institution_id = $1 AND e.person_id = $2),
                'metrics', (SELECT coalesce(jsonb_agg(to_jsonb(m) - 'institution_id'
                        ORDER BY m.submitted_at, m.submission_id), '[]')
                    FROM writing_metrics m WHERE m.institution_id = $1 AND m.student_id = $2),
                'profile', (SELECT to_jsonb(a) - 'institution_id'
                    FROM profile_aggregates a WHERE a.institution_id = $1 AND a.student_id = $2),
                'alerts', (SELECT coalesce(jsonb_agg(to_jsonb(a) - 'institution_id' - 'dedup_key'
                        ORDER BY a.raised_at, a.id), '[]')
                    FROM alerts a WHERE a.institution_id = $1 AND a.student_id = $2),
                'integrityReports', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'submission_id', r.submission_id, 'course_id', r.course_id, 'checked_at', r.checked_at,
                        'report', translate(encode(r.report, 'base64'), E'\\n', '')) ORDER BY r.checked_at), '[]')
                    FROM integrity_reports r
                    WHERE r.institution_id = $1 AND r.submission_id IN (%1$s)),
                'fingerprints', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'submission_id', f.submission_id, 'kind', e.kind, 'entries', e.entries)
                        ORDER BY f.submission_id, e.kind), '[]')
                    FROM fingerprints f
                    CROSS JOIN LATERAL (VALUES (0, cardinality(f.passage_hashes)),
                                               (1, cardinality(f.word_hashes))) AS e(kind, entries)
                    WHERE f.institution_id = $1 AND f.submission_id IN (%1$s) AND e.entries > 0),
                'consents', (SELECT coalesce(jsonb_agg(to_jsonb(k) - 'institution_id' ORDER BY k.given_at, k.id), '[]')
                    FROM consents k WHERE k.institution_id = $1 AND k.person_id = $2),
                'heldEvents', (SELECT coalesce(jsonb_agg(jsonb_build_object('event_id', h.event_id, 'held_at', h.held_at)
                        ORDER BY h.position), '[]')
                    FROM held_events h WHERE h.institution_id = $1 AND h.person_id = $2),
                'dataRequests', (SELECT coalesce(jsonb_agg(to_jsonb(d) - 'institution_id'
                        ORDER BY d.received_at, d.id), '[]')
                    FROM data_requests d WHERE d.institution_id = $1 AND d.subject_id = $2)
            )::text AS records
            FROM people p
            LEFT JOIN person_identities i ON i.institution_id = p.institution_id AND i.person_id = p.id
            WHERE p.institution_id = $1 AND p.id = $2""".formatted(STUDENT_SUBMISSIONS);
    private static final String SUBMISSIONS = """
            SELECT id, course_id, student_id, submitted_at, body FROM submissions
            WHERE institution_id = $1 AND student_id = $2
            ORDER BY submitted_at, id""";
    private static final String COUNTS = """
            SELECT
                (SELECT count(*) FROM person_identities WHERE institution_id = $1 AND person_id = $2) AS identities,
                (SELECT count(*) FROM enrollments WHERE institution_id = $1 AND person_id = $2) AS enrollments,
                (SELECT count(*) FROM submissions WHERE institution_id = $1 AND student_id = $2) AS submissions,
                (SELECT count(*) FROM writing_metrics WHERE institution_id = $1 AND student_id = $2) AS metrics,
                (SELECT count(*) FROM profile_aggregates WHERE institution_id = $1 AND student_id = $2) AS profiles,
                (SELECT count(*) FROM alerts
                 WHERE institution_id = $1 AND (student_id = $2 OR educator_id = $2)) AS alerts,
                (SELECT coalesce(sum(cardinality(passage_hashes) + cardinality(word_hashes)), 0) FROM fingerprints
                 WHERE institution_id = $1 AND submission_id IN (%1$s)) AS fingerprints,
                (SELECT count(*) FROM integrity_reports
                 WHERE institution_id = $1 AND submission_id IN (%1$s)) AS integrity_reports,
                (SELECT count(*) FROM consents WHERE institution_id = $1 AND person_id = $2) AS consents,
                (SELECT count(*) FROM held_events WHERE institution_id = $1 AND person_id = $2) AS held_events,
                student_dead_letters($2, false) AS dead_letters,
                EXISTS (SELECT 1 FROM people WHERE institution_id = $1 AND id = $2) AS known"""
            .formatted(STUDENT_SUBMISSIONS);
    // Locks the person first: a concurrent erasure of the same person waits here and then finds nobody.
    private static final String LOCK = "SELECT id FROM people WHERE institution_id = $1 AND id = $2 FOR UPDATE";
    private static final String SUBMISSION_IDS = STUDENT_SUBMISSIONS;
    private static final String ERASE_DEAD_LETTERS = "SELECT student_dead_letters($1, true) AS erased";
    // Every other row about the person goes with the pseudonym: identities, enrollments, consents, held events,
    // submissions and, through them, metrics, fingerprints and integrity reports; the profile; alerts about or
    // addressed to the person.
    private static final String ERASE_PERSON = "DELETE FROM people WHERE institution_id = $1 AND id = $2";
    // The rows hanging off the submissions go first, each table in one set-based statement: left to the cascade,
    // every submission's deletion would visit each dependent table on its own, a thousand times for a thousand.
    // The fingerprints go before these, with their debits to the index's counts (IndexCounts).
    private static final List<String> ERASE_DERIVED = List.of(
            "DELETE FROM integrity_reports WHERE institution_id = $1 AND submission_id IN (%s)"
                    .formatted(STUDENT_SUBMISSIONS),
            "DELETE FROM alerts WHERE institution_id = $1 AND (student_id = $2 OR educator_id = $2)",
            "DELETE FROM writing_metrics WHERE institution_id = $1 AND student_id = $2",
            "DELETE FROM submissions WHERE institution_id = $1 AND student_id = $2");

    private final TenantTransactions transactions;

    public Subjects(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Everything held about the person, encrypted fields still sealed; empty if the tenant has no such person. */
    public Optional<SubjectRecords> records(TenantId tenant, PersonId person, Consistency consistency) {
        Optional<Row> row = transactions.queryFirst(tenant, consistency, "subject records", RECORDS,
                Subjects::row, tenant.value(), person.value());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Submission> submissions = transactions.query(tenant, consistency, "subject submissions", SUBMISSIONS,
                Subjects::submission, tenant.value(), person.value());
        return Optional.of(new SubjectRecords(person, row.get().registeredAt(), row.get().identity(), submissions,
                row.get().records()));
    }

    /** How many rows about the person each table holds; empty if the tenant has no such person. */
    public Optional<ErasureCounts> counts(TenantId tenant, PersonId person, Consistency consistency) {
        return transactions.queryOne(tenant, consistency, "subject counts", COUNTS,
                row -> Boolean.TRUE.equals(row.get("known", Boolean.class)) ? Optional.of(counts(row))
                        : Optional.<ErasureCounts>empty(),
                tenant.value(), person.value());
    }

    /**
     * Deletes every row about the person in one transaction, leaves what the person's submissions owe the integrity
     * index's counts as debits that name no one ({@link IndexCounts}: lowering the counts is the caller's follow-up,
     * {@link IndexCounts#apply}, after the commit), deletes the undelivered events that carry the pseudonym, and records the request
     * as completed with the counts as its receipt: the open request {@code filed} if given (of this person, an
     * erasure, still open), else a new one. Empty, with nothing changed, if the tenant has no such person.
     *
     * @throws StoreRejectedException ({@code MISSING_REFERENCE}, constraint {@code data_requests_open}) if
     *                                 {@code filed} names no open erasure request of this person; nothing changed
     */
    public Optional<Erased> erase(TenantId tenant, PersonId person, NewDataRequest request,
                                  Optional<DataRequestId> filed) {
        if (request.kind() != RequestKind.ERASURE || !request.subject().equals(person)) {
            throw new IllegalArgumentException("the request must be an erasure of this person");
        }
        Object t = tenant.value();
        Object p = person.value();
        return transactions.write(tenant, "subject erasure", connection ->
                Sql.rows(connection, LOCK, row -> true, t, p).hasElements().flatMap(known -> {
                    if (!known) {
                        return Mono.just(Optional.<Erased>empty());
                    }
                    return Sql.rows(connection, COUNTS, Subjects::counts, t, p).single()
                            .flatMap(counted -> Sql.rows(connection, SUBMISSION_IDS,
                                            row -> new SubmissionId(Sql.required(row, "id", UUID.class)), t, p)
                                    .collectList()
                                    .flatMap(submissions -> IndexCounts.deleteFingerprints(connection,
                                                    STUDENT_SUBMISSIONS, t, p)
                                            .then(Sql.rows(connection, ERASE_DEAD_LETTERS,
                                                    row -> Sql.required(row, "erased", Long.class), p).single())
                                            .flatMap(deadLetters -> {
                                                ErasureCounts erased = withDeadLetters(counted, deadLetters);
                                                Instant at = Instant.now();
                                                String receipt = receipt(erased, at);
                                                return Flux.fromIterable(ERASE_DERIVED)
                                                        .concatMap(sql -> Sql.update(connection, sql, t, p))
                                                        .then(Sql.update(connection, ERASE_PERSON, t, p))
                                                        .then(filed.isPresent()
                                                                ? close(connection, tenant, filed.get(), person,
                                                                        receipt)
                                                                : DataRequests.insert(connection, tenant, request,
                                                                        RequestStatus.COMPLETED, at, receipt))
                                                        .map(id -> Optional.of(
                                                                new Erased(erased, submissions, at, id)));
                                            })));
                }));
    }

    private static Mono<DataRequestId> close(Connection connection, TenantId tenant, DataRequestId id,
                                             PersonId person, String receipt) {
        return Sql.rows(connection, DataRequests.CLOSE, row -> id, tenant.value(), id.value(), person.value(),
                        RequestKind.ERASURE.wireName(), RequestStatus.COMPLETED.wireName(), receipt)
                .singleOrEmpty()
                .switchIfEmpty(Mono.error(() -> new StoreRejectedException(
                        "subject erasure: no open erasure request of this person has that id", "",
                        StoreRejectedException.Reason.MISSING_REFERENCE, "data_requests_open")));
    }

    /** The receipt kept with the request: counts per table and the time, nothing else. */
    static String receipt(ErasureCounts counts, Instant at) {
        StringBuilder json = new StringBuilder("{\"erasedAt\":\"").append(at).append("\",\"deleted\":{");
        String separator = "";
        for (var entry : counts.byTable().entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\":").append(entry.getValue());
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static ErasureCounts withDeadLetters(ErasureCounts counts, long deadLetters) {
        return new ErasureCounts(counts.identities(), counts.enrollments(), counts.submissions(), counts.metrics(),
                counts.profiles(), counts.alerts(), counts.fingerprints(), counts.integrityReports(), counts.consents(),
                counts.heldEvents(), deadLetters);
    }

    private static ErasureCounts counts(Readable row) {
        return new ErasureCounts(count(row, "identities"), count(row, "enrollments"), count(row, "submissions"),
                count(row, "metrics"), count(row, "profiles"), count(row, "alerts"), count(row, "fingerprints"),
                count(row, "integrity_reports"), count(row, "consents"), count(row, "held_events"),
                count(row, "dead_letters"));
    }

    private static long count(Readable row, String column) {
        return Sql.required(row, column, Long.class);
    }

    private record Row(Instant registeredAt, Optional<PersonIdentity> identity, String records) {
    }

    private static Row row(Readable row) {
        byte[] lmsUserId = row.get("lms_user_id", byte[].class);
        Optional<PersonIdentity> identity = lmsUserId == null ? Optional.empty() : Optional.of(new PersonIdentity(
                Opaque.of(lmsUserId),
                optional(row, "full_name"),
                optional(row, "email"),
                optional(row, "date_of_birth"),
                Opaque.of(Sql.required(row, "lms_user_lookup", byte[].class)),
                optional(row, "email_lookup")));
        return new Row(Sql.required(row, "created_at", Instant.class), identity,
                Sql.required(row, "records", String.class));
    }

    private static Optional<Opaque> optional(Readable row, String column) {
        return Optional.ofNullable(row.get(column, byte[].class)).map(Opaque::of);
    }

    private static Submission submission(Readable row) {
        return new Submission(
                new SubmissionId(Sql.required(row, "id", UUID.class)),
                new CourseId(Sql.required(row, "course_id", UUID.class)),
                new PersonId(Sql.required(row, "student_id", UUID.class)),
                Sql.required(row, "submitted_at", Instant.class),
                Opaque.of(Sql.required(row, "body", byte[].class)));
    }
}
