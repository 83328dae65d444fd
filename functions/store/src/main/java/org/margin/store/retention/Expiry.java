package org.margin.store.retention;

import io.r2dbc.spi.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.margin.store.consent.Purpose;
import org.margin.store.integrity.IndexCounts;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;
import reactor.core.publisher.Mono;

/**
 * Deletes one tenant's data of one category older than a cutoff, in one transaction, keeping what is derived from
 * it right: profiles are recomputed from the metrics that remain, and deleted fingerprints leave their debits to the
 * integrity index's counts ({@link IndexCounts}), which the retention run applies afterwards.
 * The audit category is not expired here: the audit log is append-only and expires itself.
 */
public final class Expiry {

    private static final String OLD_SUBMISSIONS =
            "SELECT id FROM submissions WHERE institution_id = $1 AND submitted_at < $2";
    private static final String SUBMISSIONS_BEFORE = """
            SELECT id, student_id,
                   (SELECT count(*) FROM writing_metrics m
                    WHERE m.institution_id = s.institution_id AND m.submission_id = s.id) AS metrics,
                   (SELECT coalesce(sum(cardinality(f.passage_hashes) + cardinality(f.word_hashes)), 0)
                    FROM fingerprints f
                    WHERE f.institution_id = s.institution_id AND f.submission_id = s.id) AS fingerprints,
                   (SELECT count(*) FROM integrity_reports r
                    WHERE r.institution_id = s.institution_id AND r.submission_id = s.id) AS reports,
                   (SELECT count(*) FROM alerts a
                    WHERE a.institution_id = s.institution_id AND a.submission_id = s.id) AS alerts
            FROM submissions s WHERE s.institution_id = $1 AND s.submitted_at < $2""";
    private static final String DELETE_SUBMISSIONS =
            "DELETE FROM submissions WHERE institution_id = $1 AND submitted_at < $2";
    private static final String DELETE_METRICS = """
            DELETE FROM writing_metrics WHERE institution_id = $1 AND submitted_at < $2
            RETURNING student_id""";
    private static final String DELETE_ALERTS =
            "DELETE FROM alerts WHERE institution_id = $1 AND raised_at < $2";
    private static final String DELETE_REPORTS = """
            DELETE FROM integrity_reports WHERE institution_id = $1 AND checked_at < $2 RETURNING submission_id""";
    private static final String DROP_PROFILES =
            "DELETE FROM profile_aggregates WHERE institution_id = $1 AND student_id = ANY($2::uuid[])";
    private static final String REBUILD_PROFILES = """
            INSERT INTO profile_aggregates (institution_id, student_id, submission_count, first_submitted_at,
                                            last_submitted_at, %s)
            SELECT institution_id, student_id, count(*), min(submitted_at), max(submitted_at), %s
            FROM writing_metrics WHERE institution_id = $1 AND student_id = ANY($2::uuid[])
            GROUP BY institution_id, student_id""".formatted(
            Metric.eachColumn(column -> column + "_sum, " + column + "_sum_squares"),
            Metric.eachColumn(column -> "sum(" + column + "), sum(" + column + " * " + column + ")"));

    // A withdrawn consent: $1 tenant, $2 student, $3 when the consent was withdrawn. Only what was processed before
    // it goes, so data processed under a consent given again later stays.
    private static final String WITHDRAWN_SUBMISSIONS =
            "SELECT id FROM submissions WHERE institution_id = $1 AND student_id = $2 AND submitted_at < $3";
    private static final String DELETE_WITHDRAWN_METRICS =
            "DELETE FROM writing_metrics WHERE institution_id = $1 AND student_id = $2 AND submitted_at < $3";
    private static final String DELETE_WITHDRAWN_PROFILE =
            "DELETE FROM profile_aggregates WHERE institution_id = $1 AND student_id = $2 AND first_submitted_at < $3";
    private static final String DELETE_WITHDRAWN_REPORTS =
            "DELETE FROM integrity_reports WHERE institution_id = $1 AND submission_id IN (%s) RETURNING submission_id"
                    .formatted(WITHDRAWN_SUBMISSIONS);

    private final TenantTransactions transactions;

    public Expiry(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Deletes the tenant's data of {@code category} older than {@code cutoff}.
     *
     * @throws IllegalArgumentException for {@link RetentionCategory#AUDIT}, which the audit log expires itself
     */
    public Expired expire(TenantId tenant, RetentionCategory category, Instant cutoff) {
        return switch (category) {
            case SUBMISSIONS -> transactions.write(tenant, "submission expiry", c -> submissions(c, tenant, cutoff));
            case METRICS -> transactions.write(tenant, "metric expiry", c -> metrics(c, tenant, cutoff));
            case ALERTS -> transactions.write(tenant, "alert expiry", c ->
                    Sql.update(c, DELETE_ALERTS, tenant.value(), cutoff).map(alerts -> new Expired(category,
                            Map.of("alerts", alerts), List.of(), List.of())));
            case FINGERPRINTS -> transactions.write(tenant, "fingerprint expiry", c -> fingerprints(c, tenant,
                    cutoff));
            case AUDIT -> throw new IllegalArgumentException("the audit log is expired by its own append-only store");
        };
    }

    /**
     * Deletes, in one transaction, what was processed for {@code purpose} of the student's submissions before
     * {@code withdrawnAt}: analysis their metrics (the profile recomputed from what remains), profiling their profile,
     * integrity their fingerprints (their index counts left as debits) and reports; analytics stores nothing per student.
     * Running it again for the same withdrawal deletes nothing more. The result's category is the retention
     * category of the data deleted.
     */
    public Expired withdrawn(TenantId tenant, PersonId student, Purpose purpose, Instant withdrawnAt) {
        Object[] parameters = {tenant.value(), student.value(), withdrawnAt};
        return switch (purpose) {
            case ANALYSIS -> transactions.write(tenant, "withdrawn analysis expiry", c ->
                    Sql.update(c, DELETE_WITHDRAWN_METRICS, parameters).flatMap(metrics ->
                            rebuildProfiles(c, tenant, List.of(student)).thenReturn(new Expired(
                                    RetentionCategory.METRICS, Map.of("writing_metrics", metrics), List.of(),
                                    List.of(student)))));
            case PROFILING -> transactions.write(tenant, "withdrawn profiling expiry", c ->
                    Sql.update(c, DELETE_WITHDRAWN_PROFILE, parameters).map(profiles -> new Expired(
                            RetentionCategory.METRICS, Map.of("profile_aggregates", profiles), List.of(),
                            List.of(student))));
            case INTEGRITY -> transactions.write(tenant, "withdrawn integrity expiry", c ->
                    IndexCounts.deleteFingerprints(c, WITHDRAWN_SUBMISSIONS, parameters)
                            .flatMap(fingerprints -> Sql.rows(c, DELETE_WITHDRAWN_REPORTS,
                                            row -> new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                                            parameters)
                                    .collectList()
                                    .map(reports -> new Expired(RetentionCategory.FINGERPRINTS,
                                            Map.of("fingerprints", fingerprints,
                                                    "integrity_reports", (long) reports.size()),
                                            reports, List.of()))));
            case ANALYTICS -> new Expired(RetentionCategory.METRICS, Map.of(), List.of(), List.of());
        };
    }

    private record Doomed(SubmissionId id, PersonId student, long metrics, long fingerprints, long reports,
                          long alerts) {
    }

    private static Mono<Expired> submissions(Connection connection, TenantId tenant, Instant cutoff) {
        return Sql.rows(connection, SUBMISSIONS_BEFORE, row -> new Doomed(
                                new SubmissionId(Sql.required(row, "id", UUID.class)),
                                new PersonId(Sql.required(row, "student_id", UUID.class)),
                                Sql.required(row, "metrics", Long.class),
                                Sql.required(row, "fingerprints", Long.class),
                                Sql.required(row, "reports", Long.class),
                                Sql.required(row, "alerts", Long.class)),
                        tenant.value(), cutoff)
                .collectList()
                .flatMap(doomed -> IndexCounts.deleteFingerprints(connection, OLD_SUBMISSIONS, tenant.value(),
                                cutoff)
                        .then(Sql.update(connection, DELETE_SUBMISSIONS, tenant.value(), cutoff))
                        .flatMap(deleted -> {
                            List<PersonId> students = doomed.stream().map(Doomed::student).distinct().toList();
                            return rebuildProfiles(connection, tenant, students).thenReturn(new Expired(
                                    RetentionCategory.SUBMISSIONS,
                                    Map.of("submissions", deleted,
                                            "writing_metrics", doomed.stream().mapToLong(Doomed::metrics).sum(),
                                            "fingerprints", doomed.stream().mapToLong(Doomed::fingerprints).sum(),
                                            "integrity_reports", doomed.stream().mapToLong(Doomed::reports).sum(),
                                            "alerts", doomed.stream().mapToLong(Doomed::alerts).sum()),
                                    doomed.stream().map(Doomed::id).toList(), students));
                        }));
    }

    private static Mono<Expired> metrics(Connection connection, TenantId tenant, Instant cutoff) {
        return Sql.rows(connection, DELETE_METRICS, row -> new PersonId(Sql.required(row, "student_id", UUID.class)),
                        tenant.value(), cutoff)
                .collectList()
                .flatMap(deleted -> {
                    List<PersonId> students = deleted.stream().distinct().toList();
                    return rebuildProfiles(connection, tenant, students).thenReturn(new Expired(
                            RetentionCategory.METRICS, Map.of("writing_metrics", (long) deleted.size()), List.of(),
                            students));
                });
    }

    private static Mono<Expired> fingerprints(Connection connection, TenantId tenant, Instant cutoff) {
        return IndexCounts.deleteFingerprints(connection, OLD_SUBMISSIONS, tenant.value(), cutoff)
                .flatMap(fingerprints -> Sql.rows(connection, DELETE_REPORTS,
                                row -> new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                                tenant.value(), cutoff)
                        .collectList()
                        .map(reports -> new Expired(RetentionCategory.FINGERPRINTS,
                                Map.of("fingerprints", fingerprints, "integrity_reports", (long) reports.size()),
                                reports, List.of())));
    }

    private static Mono<Long> rebuildProfiles(Connection connection, TenantId tenant, List<PersonId> students) {
        if (students.isEmpty()) {
            return Mono.just(0L);
        }
        UUID[] ids = students.stream().map(PersonId::value).toArray(UUID[]::new);
        return Sql.update(connection, DROP_PROFILES, tenant.value(), ids)
                .then(Sql.update(connection, REBUILD_PROFILES, tenant.value(), ids));
    }
}
