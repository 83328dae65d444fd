package org.margin.store.alert;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** Alerts raised by rules, each addressed to an educator with a legitimate interest in the student. */
public final class Alerts {

    /** The most alerts one list read returns. */
    public static final int MAX_LIST = 500;

    private static final String COLUMNS = "id, rule_id, kind, course_id, student_id, educator_id, submission_id, "
            + "metric, observed, status, raised_at";

    // The alerts of a group of requests ($2 to $7, one array element per request), in one statement. The recipients
    // are chosen here, from the enrollments valid on each request's day: an educator who does not teach the student's
    // course that day never receives the alert. A recipient whom two requests of the group reach (the same rule and
    // submission) is the first one's, as if the requests were raised one after another. Rows go in in one order, so
    // that two groups with recipients in common never deadlock. Planned once per connection: a plan made for each
    // call took longer to make than a small group takes to raise.
    private static final String RAISE = """
            WITH request AS (
                SELECT * FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::float8[], $7::date[])
                    WITH ORDINALITY AS r(rule_id, kind, submission_id, metric, observed, raised_on, n)),
            recipient AS (
                SELECT DISTINCT ON (request.rule_id, s.id, educator.person_id)
                       request.n, request.rule_id, request.kind, s.course_id, s.student_id,
                       educator.person_id AS educator_id, s.id AS submission_id, request.metric, request.observed
                FROM request
                JOIN submissions s ON s.institution_id = $1 AND s.id = request.submission_id
                JOIN enrollments student
                  ON student.institution_id = s.institution_id AND student.course_id = s.course_id
                 AND student.person_id = s.student_id AND student.role = 'student'
                 AND student.starts_on <= request.raised_on
                 AND (student.ends_on IS NULL OR student.ends_on >= request.raised_on)
                JOIN enrollments educator
                  ON educator.institution_id = s.institution_id AND educator.course_id = s.course_id
                 AND educator.role IN ('teacher', 'teaching_assistant')
                 AND educator.starts_on <= request.raised_on
                 AND (educator.ends_on IS NULL OR educator.ends_on >= request.raised_on)
                ORDER BY request.rule_id, s.id, educator.person_id, request.n),
            raised AS (
                INSERT INTO alerts (institution_id, rule_id, kind, course_id, student_id, educator_id, submission_id,
                                    metric, observed, dedup_key)
                SELECT $1, rule_id, kind, course_id, student_id, educator_id, submission_id, metric, observed,
                       'submission:' || submission_id
                FROM recipient
                ORDER BY rule_id, submission_id, educator_id
                ON CONFLICT (institution_id, rule_id, dedup_key, educator_id) DO NOTHING
                RETURNING rule_id, submission_id, educator_id)
            SELECT request.n, count(raised.educator_id) AS raised
            FROM request
            LEFT JOIN recipient ON recipient.n = request.n
            LEFT JOIN raised
              ON raised.rule_id = recipient.rule_id AND raised.submission_id = recipient.submission_id
             AND raised.educator_id = recipient.educator_id
            GROUP BY request.n
            ORDER BY request.n""";
    // Students enrolled on the day ($5) in the rule's course ($3, or every course) whose last submission there (or,
    // lacking one, whose enrolment) is no later than $4. A stretch of inactivity is named by the course, the student
    // and the day it began, so a student stays alerted once until they submit again.
    private static final String RAISE_INACTIVITY = """
            WITH enrolled AS (
                SELECT student.course_id, student.person_id, min(student.starts_on) AS enrolled_on
                FROM enrollments student
                WHERE student.institution_id = $1 AND student.role = 'student'
                  AND ($3::uuid IS NULL OR student.course_id = $3)
                  AND student.starts_on <= $5 AND (student.ends_on IS NULL OR student.ends_on >= $5)
                GROUP BY student.course_id, student.person_id
            ), idle AS (
                SELECT enrolled.course_id, enrolled.person_id,
                       coalesce((last.submitted_at AT TIME ZONE 'UTC')::date, enrolled.enrolled_on) AS active_on
                FROM enrolled
                LEFT JOIN LATERAL (
                    SELECT max(s.submitted_at) AS submitted_at FROM submissions s
                    WHERE s.institution_id = $1 AND s.student_id = enrolled.person_id
                      AND s.course_id = enrolled.course_id
                ) last ON true
            )
            INSERT INTO alerts (institution_id, rule_id, kind, course_id, student_id, educator_id, observed, dedup_key)
            SELECT DISTINCT $1::uuid, $2::uuid, 'inactivity', idle.course_id, idle.person_id, educator.person_id,
                   ($5::date - idle.active_on)::double precision,
                   'inactive:' || idle.course_id || ':' || idle.person_id || ':'
                       || to_char(idle.active_on, 'YYYY-MM-DD')
            FROM idle
            JOIN enrollments educator
              ON educator.institution_id = $1 AND educator.course_id = idle.course_id
             AND educator.role IN ('teacher', 'teaching_assistant')
             AND educator.starts_on <= $5 AND (educator.ends_on IS NULL OR educator.ends_on >= $5)
            WHERE idle.active_on <= $4
            ON CONFLICT (institution_id, rule_id, dedup_key, educator_id) DO NOTHING
            RETURNING course_id, student_id, dedup_key""";
    // Every listing returns the snapshot it was read in, from the same statement so that it is that snapshot: a later
    // listing that names it gets exactly the alerts this one did not see (V27). The outer join gives the snapshot a
    // row when the page is empty.
    private static final String LISTING = """
            SELECT pg_current_snapshot()::text AS listed, page.* FROM (SELECT) AS here
            LEFT JOIN LATERAL (%s) AS page ON true
            ORDER BY page.raised_at DESC, page.id DESC""";
    // Newest first, by (raised_at, id) so that pages neither skip nor repeat alerts raised in the same instant; the
    // pages after the first keep to the alerts the first one's snapshot saw ($7), so that alerts committed in between
    // are left to the next listing rather than slipped among older pages.
    private static final String FOR_EDUCATOR = LISTING.formatted("""
            SELECT %s FROM alerts
            WHERE institution_id = $1 AND educator_id = $2
              AND ($3::text IS NULL OR status = $3) AND ($4::uuid IS NULL OR course_id = $4)
              AND ($5::timestamptz IS NULL OR ((raised_at, id) < ($5, $6::uuid)
                   AND pg_visible_in_snapshot(raised_xid, $7::text::pg_snapshot)))
            ORDER BY raised_at DESC, id DESC LIMIT $8""".formatted(COLUMNS));
    // The newest page with no filter, what an educator's agent asks most: planned once per connection, as the planner
    // would otherwise plan it again on each call (the policy's join of the educator's enrolments makes planning cost
    // more than running it). With a filter or a cursor the plan depends on the values, so FOR_EDUCATOR.
    private static final String NEWEST_FOR_EDUCATOR = LISTING.formatted("""
            SELECT %s FROM alerts
            WHERE institution_id = $1 AND educator_id = $2
            ORDER BY raised_at DESC, id DESC LIMIT $3""".formatted(COLUMNS));
    // The alerts an earlier listing ($3, its snapshot) did not see: raised by a transaction that was in progress then
    // or began after it. Each half is a range or a few points of the (educator, raised_xid) index, so an agent that
    // polls reads only what is new, and no plan depends on the values: planned once per connection.
    private static final String UNSEEN_FOR_EDUCATOR = LISTING.formatted("""
            SELECT %1$s FROM (
                SELECT %1$s, raised_xid FROM alerts
                WHERE institution_id = $1 AND educator_id = $2
                  AND raised_xid >= pg_snapshot_xmax($3::text::pg_snapshot)
                UNION ALL
                SELECT %1$s, raised_xid FROM alerts
                WHERE institution_id = $1 AND educator_id = $2
                  AND raised_xid = ANY (ARRAY(SELECT pg_snapshot_xip($3::text::pg_snapshot)))
            ) AS unseen
            WHERE ($4::text IS NULL OR status = $4) AND ($5::uuid IS NULL OR course_id = $5)
              AND ($6::timestamptz IS NULL OR ((raised_at, id) < ($6, $7::uuid)
                   AND pg_visible_in_snapshot(raised_xid, $8::text::pg_snapshot)))
            ORDER BY raised_at DESC, id DESC LIMIT $9""".formatted(COLUMNS));
    private static final String FOR_COURSE = """
            SELECT %s FROM alerts
            WHERE institution_id = $1 AND course_id = $2
            ORDER BY raised_at DESC LIMIT $3""".formatted(COLUMNS);
    private static final String CHANGE_STATUS = """
            UPDATE alerts SET status = $4, status_changed_at = now()
            WHERE institution_id = $1 AND id = $2 AND educator_id = $3""";
    // One statement that locks the row: two acknowledgements at once both see it acknowledged, and only an open
    // alert changes.
    private static final String ACKNOWLEDGE = """
            UPDATE alerts SET
                status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END,
                status_changed_at = CASE WHEN status = 'open' THEN now() ELSE status_changed_at END
            WHERE institution_id = $1 AND id = $2 AND educator_id = $3
            RETURNING status""";

    private final TenantTransactions transactions;

    public Alerts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Raises a tenant's alerts about submissions in one statement and one transaction, and returns for each, in
     * order, how many alerts it added: one per educator teaching the submission's course on its day, while the
     * student takes it; 0 when there is no such educator, or when the rule already raised that submission's alert
     * (redelivered events add nothing), in the group too: the same alert asked twice is added by the first.
     */
    public List<Long> raise(TenantId tenant, List<SubmissionAlert> alerts) {
        int count = alerts.size();
        UUID[] rules = new UUID[count];
        String[] kinds = new String[count];
        UUID[] submissions = new UUID[count];
        String[] metrics = new String[count];
        Double[] observed = new Double[count];
        LocalDate[] days = new LocalDate[count];
        for (int i = 0; i < count; i++) {
            SubmissionAlert alert = alerts.get(i);
            rules[i] = alert.rule().value();
            kinds[i] = alert.kind().column();
            submissions[i] = alert.submission().value();
            metrics[i] = alert.metric().map(Metric::column).orElse(null);
            observed[i] = alert.observed();
            days[i] = alert.on();
        }
        List<Long> raised = transactions.writeOnePlannedOnce(tenant, "alert raising", RAISE,
                row -> Sql.required(row, "raised", Long.class), tenant.value(), rules, kinds, submissions, metrics,
                observed, days);
        if (raised.size() != count) {
            throw new IllegalStateException("raised " + raised.size() + " counts for " + count + " alerts");
        }
        return raised;
    }

    /**
     * How many alerts this rule raised about this submission (one per recipient), whenever it was: what a
     * redelivered event announces again, since the first announcement may be what failed.
     */
    public long raisedAbout(TenantId tenant, AlertRuleId rule, SubmissionId submission) {
        return transactions.queryOne(tenant, Consistency.READ_YOUR_WRITES, "alert count",
                "SELECT count(*) AS raised FROM alerts"
                        + " WHERE institution_id = $1 AND rule_id = $2 AND submission_id = $3",
                row -> Sql.required(row, "raised", Long.class), tenant.value(), rule.value(), submission.value());
    }

    /**
     * Raises an inactivity rule's alerts, on {@code on}, about every student of its course (or, when
     * {@code course} is empty, of every course) whose last submission in the course (or enrolment, lacking one)
     * was on {@code lastActiveBy} or earlier; each goes to the educators teaching the course that day. A stretch
     * of inactivity raises once: running again adds nothing until the student submits and falls idle anew.
     */
    public List<InactivityRaised> raiseInactivity(TenantId tenant, AlertRuleId rule, Optional<CourseId> course,
                                                  LocalDate lastActiveBy, LocalDate on) {
        if (lastActiveBy.isAfter(on)) {
            throw new IllegalArgumentException("lastActiveBy must not be after the day of the check");
        }
        List<StudentInCourse> rows = transactions.write(tenant, "inactivity alert raising", connection ->
                Sql.rows(connection, RAISE_INACTIVITY, row -> new StudentInCourse(
                                new CourseId(Sql.required(row, "course_id", UUID.class)),
                                new PersonId(Sql.required(row, "student_id", UUID.class)),
                                Sql.required(row, "dedup_key", String.class)),
                        tenant.value(), rule.value(),
                        course.<Object>map(CourseId::value).orElse(new Sql.Null(UUID.class)), lastActiveBy, on)
                        .collectList());
        Map<StudentInCourse, Long> recipients = new LinkedHashMap<>();
        rows.forEach(row -> recipients.merge(row, 1L, Long::sum));
        return recipients.entrySet().stream()
                .map(entry -> new InactivityRaised(entry.getKey().course(), entry.getKey().student(),
                        entry.getKey().occasion(), entry.getValue()))
                .toList();
    }

    private record StudentInCourse(CourseId course, PersonId student, String occasion) {
    }

    /**
     * The educator's alerts that pass the filter, newest first, starting after {@code after} when given (among the
     * alerts its listing saw), with the snapshot of the listing the page belongs to.
     */
    public AlertPage forEducator(TenantId tenant, PersonId educator, AlertFilter filter,
                                 Optional<AlertPosition> after, int limit, Consistency consistency) {
        requireLimit(limit);
        Object status = filter.status().<Object>map(AlertStatus::column).orElse(new Sql.Null(String.class));
        Object course = filter.course().<Object>map(CourseId::value).orElse(new Sql.Null(UUID.class));
        Object afterTime = after.<Object>map(AlertPosition::raisedAt).orElse(new Sql.Null(Instant.class));
        Object afterId = after.<Object>map(position -> position.alert().value()).orElse(new Sql.Null(UUID.class));
        Object afterListing = after.<Object>map(position -> position.listing().text())
                .orElse(new Sql.Null(String.class));
        List<Listed> rows;
        if (filter.unseenBy().isPresent()) {
            rows = transactions.queryPlannedOnce(tenant, consistency, "educator alerts read", UNSEEN_FOR_EDUCATOR,
                    Alerts::listedOf, tenant.value(), educator.value(), filter.unseenBy().get().text(), status, course,
                    afterTime, afterId, afterListing, limit);
        } else if (filter.isAll() && after.isEmpty()) {
            rows = transactions.queryPlannedOnce(tenant, consistency, "educator alerts read", NEWEST_FOR_EDUCATOR,
                    Alerts::listedOf, tenant.value(), educator.value(), limit);
        } else {
            rows = transactions.query(tenant, consistency, "educator alerts read", FOR_EDUCATOR, Alerts::listedOf,
                    tenant.value(), educator.value(), status, course, afterTime, afterId, afterListing, limit);
        }
        ListingSnapshot listing = after.map(AlertPosition::listing).orElseGet(() -> rows.getFirst().listing());
        return new AlertPage(rows.stream().flatMap(row -> row.alert().stream()).toList(), listing);
    }

    /** A course's alerts, every recipient's, newest first. */
    public List<Alert> forCourse(TenantId tenant, CourseId course, int limit, Consistency consistency) {
        requireLimit(limit);
        return transactions.query(tenant, consistency, "course alerts read", FOR_COURSE, Alerts::alertOf,
                tenant.value(), course.value(), limit);
    }

    /** Moves an alert to a status on behalf of its recipient; false when that educator did not receive it. */
    public boolean changeStatus(TenantId tenant, AlertId alert, PersonId educator, AlertStatus status) {
        return transactions.write(tenant, "alert status change", connection -> Sql.update(connection,
                CHANGE_STATUS, tenant.value(), alert.value(), educator.value(), status.column())
                .map(updated -> updated > 0));
    }

    /**
     * Acknowledges an open alert on behalf of its recipient, and returns its status afterwards: acknowledged (now
     * or before), or dismissed, which stays so. Empty when that educator did not receive this alert.
     */
    public Optional<AlertStatus> acknowledge(TenantId tenant, AlertId alert, PersonId educator) {
        return transactions.write(tenant, "alert acknowledgement", connection -> Sql.rows(connection, ACKNOWLEDGE,
                        row -> AlertStatus.ofColumn(Sql.required(row, "status", String.class)),
                        tenant.value(), alert.value(), educator.value())
                .collectList()
                .map(statuses -> statuses.stream().findFirst()));
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST);
        }
    }

    /** A row of a listing: its snapshot, and an alert unless the page is empty. */
    private record Listed(ListingSnapshot listing, Optional<Alert> alert) {
    }

    private static Listed listedOf(Readable row) {
        return new Listed(new ListingSnapshot(Sql.required(row, "listed", String.class)),
                row.get("id", UUID.class) == null ? Optional.empty() : Optional.of(alertOf(row)));
    }

    private static Alert alertOf(Readable row) {
        return new Alert(
                new AlertId(Sql.required(row, "id", UUID.class)),
                new AlertRuleId(Sql.required(row, "rule_id", UUID.class)),
                RuleKind.ofColumn(Sql.required(row, "kind", String.class)),
                new CourseId(Sql.required(row, "course_id", UUID.class)),
                new PersonId(Sql.required(row, "student_id", UUID.class)),
                new PersonId(Sql.required(row, "educator_id", UUID.class)),
                Optional.ofNullable(row.get("submission_id", UUID.class)).map(SubmissionId::new),
                Optional.ofNullable(row.get("metric", String.class))
                        .map(metric -> Metric.valueOf(metric.toUpperCase(Locale.ROOT))),
                Sql.required(row, "observed", Double.class),
                AlertStatus.ofColumn(Sql.required(row, "status", String.class)),
                Sql.required(row, "raised_at", Instant.class));
    }
}
