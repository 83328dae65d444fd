package org.margin.store.alert;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

    private static final String COLUMNS =
            "id, rule_id, course_id, student_id, educator_id, submission_id, metric, observed, status, raised_at";

    // The recipients are chosen here, in the same statement, from the enrollments valid on the given day: an
    // educator who does not teach the student's course that day never receives the alert.
    private static final String RAISE = """
            INSERT INTO alerts (institution_id, rule_id, course_id, student_id, educator_id, submission_id, metric,
                                observed)
            SELECT s.institution_id, $2, s.course_id, s.student_id, educator.person_id, s.id, $4, $5
            FROM submissions s
            JOIN enrollments student
              ON student.institution_id = s.institution_id AND student.course_id = s.course_id
             AND student.person_id = s.student_id AND student.role = 'student'
             AND student.starts_on <= $6 AND (student.ends_on IS NULL OR student.ends_on >= $6)
            JOIN enrollments educator
              ON educator.institution_id = s.institution_id AND educator.course_id = s.course_id
             AND educator.role IN ('teacher', 'teaching_assistant')
             AND educator.starts_on <= $6 AND (educator.ends_on IS NULL OR educator.ends_on >= $6)
            WHERE s.institution_id = $1 AND s.id = $3
            GROUP BY s.institution_id, s.course_id, s.student_id, educator.person_id, s.id
            ON CONFLICT (institution_id, rule_id, submission_id, educator_id) DO NOTHING""";
    private static final String FOR_EDUCATOR = """
            SELECT %s FROM alerts
            WHERE institution_id = $1 AND educator_id = $2 AND status = $3
            ORDER BY raised_at DESC LIMIT $4""".formatted(COLUMNS);
    private static final String FOR_COURSE = """
            SELECT %s FROM alerts
            WHERE institution_id = $1 AND course_id = $2
            ORDER BY raised_at DESC LIMIT $3""".formatted(COLUMNS);
    private static final String CHANGE_STATUS = """
            UPDATE alerts SET status = $4, status_changed_at = now()
            WHERE institution_id = $1 AND id = $2 AND educator_id = $3""";

    private final TenantTransactions transactions;

    public Alerts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Raises a rule's alert about a submission to every educator teaching its course on {@code on}, while the
     * student takes it. Returns how many alerts were added: 0 when there is no such educator, or when this rule
     * already raised this submission's alert (redelivered events add nothing).
     */
    public long raise(TenantId tenant, AlertRuleId rule, SubmissionId submission, Metric metric, double observed,
                      LocalDate on) {
        return transactions.write(tenant, "alert raising", connection -> Sql.update(connection, RAISE,
                tenant.value(), rule.value(), submission.value(), metric.column(), observed, on));
    }

    /** The educator's alerts in a status, newest first. */
    public List<Alert> forEducator(TenantId tenant, PersonId educator, AlertStatus status, int limit,
                                   Consistency consistency) {
        requireLimit(limit);
        return transactions.query(tenant, consistency, "educator alerts read", FOR_EDUCATOR, Alerts::alertOf,
                tenant.value(), educator.value(), status.column(), limit);
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

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST);
        }
    }

    private static Alert alertOf(Readable row) {
        return new Alert(
                new AlertId(Sql.required(row, "id", UUID.class)),
                new AlertRuleId(Sql.required(row, "rule_id", UUID.class)),
                new CourseId(Sql.required(row, "course_id", UUID.class)),
                new PersonId(Sql.required(row, "student_id", UUID.class)),
                new PersonId(Sql.required(row, "educator_id", UUID.class)),
                new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                Metric.valueOf(Sql.required(row, "metric", String.class).toUpperCase(Locale.ROOT)),
                Sql.required(row, "observed", Double.class),
                AlertStatus.ofColumn(Sql.required(row, "status", String.class)),
                Sql.required(row, "raised_at", Instant.class));
    }
}
