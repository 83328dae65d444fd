package org.margin.store.submission;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    // Known LMS users' submissions in one statement, one row out per submission in, in order: find each pseudonym
    // (and the date of birth the COPPA check needs), enrol each student in each course unless an enrolment covers
    // the day (the first of their submissions to the course reports it), store each submission once per source id.
    // A submission whose source another of the same statement stored is named by that one's id; an earlier one is
    // read in the statement's snapshot, so one stored by a delivery that commits while this statement runs is not
    // seen: the caller then reads it afresh. Rows are written in the order of their keys, so two statements that
    // share some never wait on each other in a cycle. It is planned once per connection: planning it (a CTE over four
    // tables under row-level security) costs more than running it for a few rows, and the server, left to choose,
    // planned it anew on every call. Byte strings go in as hex text: the driver writes a bytea array's elements in a
    // form the server's array syntax reads as text, so they would arrive as their own escapes.
    private static final String TAKE_FROM_LMS = """
            WITH input AS (
                SELECT decode(lms_user_lookup, 'hex') AS lms_user_lookup, course_id, enrolled_from, id, submitted_at,
                       decode(body, 'hex') AS body, decode(source_lookup, 'hex') AS source_lookup, n
                FROM unnest($2::text[], $3::uuid[], $4::date[], $5::uuid[], $6::timestamptz[], $7::text[], $8::text[])
                    WITH ORDINALITY AS i(lms_user_lookup, course_id, enrolled_from, id, submitted_at, body,
                                         source_lookup, n)),
            student AS (
                SELECT input.n, identity.person_id, identity.date_of_birth
                FROM input JOIN person_identities identity
                  ON identity.institution_id = $1 AND identity.lms_user_lookup = input.lms_user_lookup),
            to_enrol AS (
                SELECT DISTINCT ON (input.course_id, student.person_id)
                       input.course_id, student.person_id, input.enrolled_from
                FROM input JOIN student USING (n)
                WHERE NOT EXISTS (
                    SELECT 1 FROM enrollments current
                    WHERE current.institution_id = $1 AND current.course_id = input.course_id
                      AND current.person_id = student.person_id AND current.role = $9
                      AND current.starts_on <= input.enrolled_from
                      AND (current.ends_on IS NULL OR current.ends_on >= input.enrolled_from))
                ORDER BY input.course_id, student.person_id, input.enrolled_from, input.n),
            enrolled AS (
                INSERT INTO enrollments (institution_id, course_id, person_id, role, starts_on, ends_on)
                SELECT $1, course_id, person_id, $9, enrolled_from, NULL FROM to_enrol
                ORDER BY course_id, person_id
                ON CONFLICT DO NOTHING),
            inserted AS (
                INSERT INTO submissions (institution_id, id, course_id, student_id, submitted_at, body, source_lookup)
                SELECT $1, input.id, input.course_id, student.person_id, input.submitted_at, input.body,
                       input.source_lookup
                FROM input JOIN student USING (n)
                ORDER BY input.source_lookup
                ON CONFLICT (institution_id, source_lookup) WHERE source_lookup IS NOT NULL DO NOTHING
                RETURNING id, source_lookup)
            SELECT student.person_id, student.date_of_birth,
                   (SELECT id FROM inserted WHERE inserted.id = input.id) AS created,
                   coalesce((SELECT id FROM inserted WHERE inserted.source_lookup = input.source_lookup),
                            (SELECT id FROM submissions
                             WHERE institution_id = $1 AND source_lookup = input.source_lookup)) AS earlier
            FROM input LEFT JOIN student USING (n)
            ORDER BY input.n""";
    private static final String FIND = """
            SELECT id, course_id, student_id, submitted_at, body
            FROM submissions WHERE institution_id = $1 AND id = ANY ($2::uuid[])""";

    private static final HexFormat HEX = HexFormat.of();

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
     * Takes LMS users' submissions in one round trip (one statement), and answers for each, in order: the pseudonym
     * found by the lookup value, the student enrolled as a student from {@code enrolledFrom} unless an enrolment
     * covers that day, and the submission stored as {@link #submit(TenantId, SubmissionId, NewSubmission, Opaque)}
     * does, once per source id. A submission of an unknown user gets {@link LmsTaking.UnknownUser} and nothing of it
     * is written: register the pseudonym and take it again.
     */
    public List<LmsTaking> takeFromLms(TenantId tenant, List<LmsSubmission> submissions) {
        int count = submissions.size();
        String[] users = new String[count];
        UUID[] courses = new UUID[count];
        LocalDate[] enrolledFrom = new LocalDate[count];
        UUID[] ids = new UUID[count];
        Instant[] submittedAt = new Instant[count];
        String[] bodies = new String[count];
        String[] sources = new String[count];
        for (int i = 0; i < count; i++) {
            LmsSubmission submission = submissions.get(i);
            users[i] = HEX.formatHex(submission.lmsUserLookup().bytes());
            courses[i] = submission.course().value();
            enrolledFrom[i] = submission.enrolledFrom();
            ids[i] = submission.id().value();
            submittedAt[i] = submission.submittedAt();
            bodies[i] = HEX.formatHex(submission.body().bytes());
            sources[i] = HEX.formatHex(submission.sourceLookup().bytes());
        }
        List<TakenRow> rows = transactions.writeOnePlannedOnce(tenant, "lms submissions", TAKE_FROM_LMS, TakenRow::of,
                tenant.value(), users, courses, enrolledFrom, ids, submittedAt, bodies, sources,
                EnrollmentRole.STUDENT.column());
        if (rows.size() != count) {
            throw new IllegalStateException("took " + rows.size() + " rows for " + count + " submissions");
        }
        List<LmsTaking> takings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            takings.add(taking(tenant, rows.get(i), submissions.get(i).sourceLookup()));
        }
        return takings;
    }

    private LmsTaking taking(TenantId tenant, TakenRow row, Opaque sourceLookup) {
        if (row.student().isEmpty()) {
            return new LmsTaking.UnknownUser();
        }
        Submitted submitted = row.created().<Submitted>map(id -> new Submitted.Created(new SubmissionId(id)))
                .or(() -> row.earlier().map(id -> new Submitted.AlreadySubmitted(new SubmissionId(id))))
                .orElseGet(() -> new Submitted.AlreadySubmitted(transactions.queryOne(tenant,
                        Consistency.READ_YOUR_WRITES, "submission by source read", BY_SOURCE,
                        found -> new SubmissionId(Sql.required(found, "id", UUID.class)), tenant.value(),
                        sourceLookup.bytes())));
        return new LmsTaking.Taken(row.student().get(), row.dateOfBirth(), submitted);
    }

    private record TakenRow(Optional<PersonId> student, Optional<Opaque> dateOfBirth, Optional<UUID> created,
                            Optional<UUID> earlier) {
        static TakenRow of(Readable row) {
            return new TakenRow(Optional.ofNullable(row.get("person_id", UUID.class)).map(PersonId::new),
                    Optional.ofNullable(row.get("date_of_birth", byte[].class)).map(Opaque::of),
                    Optional.ofNullable(row.get("created", UUID.class)),
                    Optional.ofNullable(row.get("earlier", UUID.class)));
        }
    }

    public Optional<Submission> find(TenantId tenant, SubmissionId id, Consistency consistency) {
        return findEach(tenant, List.of(id), consistency).getFirst();
    }

    /**
     * The tenant's submissions of these ids in one statement, each in its id's place (empty where the tenant has
     * none): what many handlers reading at once share, one transaction instead of one each.
     */
    public List<Optional<Submission>> findEach(TenantId tenant, List<SubmissionId> ids, Consistency consistency) {
        UUID[] values = ids.stream().map(SubmissionId::value).toArray(UUID[]::new);
        Map<SubmissionId, Submission> found = new HashMap<>();
        for (Submission submission : transactions.query(tenant, consistency, "submission read", FIND,
                row -> new Submission(new SubmissionId(Sql.required(row, "id", UUID.class)),
                        new CourseId(Sql.required(row, "course_id", UUID.class)),
                        new PersonId(Sql.required(row, "student_id", UUID.class)),
                        Sql.required(row, "submitted_at", Instant.class),
                        Opaque.of(Sql.required(row, "body", byte[].class))),
                tenant.value(), values)) {
            found.put(submission.id(), submission);
        }
        return ids.stream().map(id -> Optional.ofNullable(found.get(id))).toList();
    }
}
