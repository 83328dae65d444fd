package org.margin.store.submission;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

public final class Submissions {

    private static final String INSERT = """
            INSERT INTO submissions (institution_id, course_id, student_id, submitted_at, body)
            VALUES ($1, $2, $3, $4, $5) RETURNING id""";
    private static final String INSERT_FROM_SOURCE = """
            INSERT INTO submissions (institution_id, id, course_id, student_id, submitted_at, body, source_lookup)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (institution_id, source_lookup) WHERE source_lookup IS NOT NULL DO NOTHING
            RETURNING id""";
    private static final String BY_SOURCE = """
            SELECT id FROM submissions WHERE institution_id = $1 AND source_lookup = $2""";
    private static final String FIND = """
            SELECT course_id, student_id, submitted_at, body
            FROM submissions WHERE institution_id = $1 AND id = $2""";

    private final TenantTransactions transactions;

    public Submissions(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Stores a submission; its course and student must exist in the same tenant (MISSING_REFERENCE otherwise). */
    public SubmissionId submit(TenantId tenant, NewSubmission submission) {
        return transactions.write(tenant, "submission", connection ->
                Sql.rows(connection, INSERT, row -> new SubmissionId(Sql.required(row, "id", UUID.class)),
                        tenant.value(), submission.course().value(), submission.student().value(),
                        submission.submittedAt(), submission.body().bytes()).single());
    }

    /**
     * Stores a submission under an id made beforehand ({@link SubmissionId#generate()}, to which its encrypted text
     * is bound), once per {@code sourceLookup}: the deterministic lookup value of the source's own id for it. When
     * the source sent it before, nothing is written and the first id is returned.
     */
    public Submitted submit(TenantId tenant, SubmissionId id, NewSubmission submission, Opaque sourceLookup) {
        return transactions.write(tenant, "submission", connection ->
                Sql.rows(connection, INSERT_FROM_SOURCE,
                                row -> (Submitted) new Submitted.Created(
                                        new SubmissionId(Sql.required(row, "id", UUID.class))),
                                tenant.value(), id.value(), submission.course().value(),
                                submission.student().value(), submission.submittedAt(), submission.body().bytes(),
                                sourceLookup.bytes())
                        .next()
                        .switchIfEmpty(Sql.rows(connection, BY_SOURCE,
                                row -> (Submitted) new Submitted.AlreadySubmitted(
                                        new SubmissionId(Sql.required(row, "id", UUID.class))),
                                tenant.value(), sourceLookup.bytes()).single()));
    }

    public Optional<Submission> find(TenantId tenant, SubmissionId id, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "submission read", FIND, row -> new Submission(id,
                        new CourseId(Sql.required(row, "course_id", UUID.class)),
                        new PersonId(Sql.required(row, "student_id", UUID.class)),
                        Sql.required(row, "submitted_at", Instant.class),
                        Opaque.of(Sql.required(row, "body", byte[].class))),
                tenant.value(), id.value());
    }
}
