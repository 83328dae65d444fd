package org.margin.store.submission;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
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
    // A known LMS user's submission in one statement: find the pseudonym (and the date of birth the COPPA check
    // needs), enrol the student unless an enrolment covers the day, store the submission once per source id. The
    // earlier submission is read in the statement's snapshot, so one stored by a delivery that commits while this
    // statement runs is not seen: the caller then reads it afresh.
    private static final String TAKE_FROM_LMS = """
            WITH student AS (
                SELECT person_id, date_of_birth FROM person_identities
                WHERE institution_id = $1 AND lms_user_lookup = $2),
            enrolled AS (
                INSERT INTO enrollments (institution_id, course_id, person_id, role, starts_on, ends_on)
                SELECT $1, $3, student.person_id, $4, $5, NULL FROM student
                WHERE NOT EXISTS (
                    SELECT 1 FROM enrollments current
                    WHERE current.institution_id = $1 AND current.course_id = $3
                      AND current.person_id = student.person_id AND current.role = $4
                      AND current.starts_on <= $5 AND (current.ends_on IS NULL OR current.ends_on >= $5))
                ON CONFLICT DO NOTHING
                RETURNING 1),
            inserted AS (
                INSERT INTO submissions (institution_id, id, course_id, student_id, submitted_at, body, source_lookup)
                SELECT $1, $6, $3, student.person_id, $7, $8, $9 FROM student
                ON CONFLICT (institution_id, source_lookup) WHERE source_lookup IS NOT NULL DO NOTHING
                RETURNING id)
            SELECT student.person_id, student.date_of_birth,
                   EXISTS (SELECT 1 FROM enrolled) AS enrolled,
                   (SELECT id FROM inserted) AS created,
                   (SELECT id FROM submissions WHERE institution_id = $1 AND source_lookup = $9) AS earlier
            FROM student""";
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

    /**
     * Takes an LMS user's submission in one round trip (one statement): the pseudonym found by the lookup value,
     * the student enrolled as a student from {@code enrolledFrom} unless an enrolment covers that day, and the
     * submission stored as {@link #submit(TenantId, SubmissionId, NewSubmission, Opaque)} does, once per source id.
     * An unknown user gets {@link LmsTaking.UnknownUser} and nothing is written: register the pseudonym and call
     * again.
     */
    public LmsTaking takeFromLms(TenantId tenant, LmsSubmission submission) {
        List<TakenRow> rows = transactions.writeOne(tenant, "lms submission", TAKE_FROM_LMS, TakenRow::of,
                tenant.value(), submission.lmsUserLookup().bytes(), submission.course().value(),
                EnrollmentRole.STUDENT.column(), submission.enrolledFrom(), submission.id().value(),
                submission.submittedAt(), submission.body().bytes(), submission.sourceLookup().bytes());
        if (rows.isEmpty()) {
            return new LmsTaking.UnknownUser();
        }
        TakenRow row = rows.getFirst();
        Submitted submitted = row.created().<Submitted>map(id -> new Submitted.Created(new SubmissionId(id)))
                .or(() -> row.earlier().map(id -> new Submitted.AlreadySubmitted(new SubmissionId(id))))
                .orElseGet(() -> new Submitted.AlreadySubmitted(transactions.queryOne(tenant,
                        Consistency.READ_YOUR_WRITES, "submission by source read", BY_SOURCE,
                        found -> new SubmissionId(Sql.required(found, "id", UUID.class)), tenant.value(),
                        submission.sourceLookup().bytes())));
        return new LmsTaking.Taken(row.student(), row.dateOfBirth(), row.enrolled(), submitted);
    }

    private record TakenRow(PersonId student, Optional<Opaque> dateOfBirth, boolean enrolled, Optional<UUID> created,
                            Optional<UUID> earlier) {
        static TakenRow of(Readable row) {
            return new TakenRow(new PersonId(Sql.required(row, "person_id", UUID.class)),
                    Optional.ofNullable(row.get("date_of_birth", byte[].class)).map(Opaque::of),
                    Sql.required(row, "enrolled", Boolean.class),
                    Optional.ofNullable(row.get("created", UUID.class)),
                    Optional.ofNullable(row.get("earlier", UUID.class)));
        }
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
