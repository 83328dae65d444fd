package org.margin.store.alert;

import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

public final class AlertRules {

    private static final String INSERT = """
            INSERT INTO alert_rules (institution_id, course_id, metric, condition, threshold, created_by)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""";
    private static final String FOR_COURSE = """
            SELECT id, course_id, metric, condition, threshold, created_by, enabled
            FROM alert_rules
            WHERE institution_id = $1 AND enabled AND (course_id = $2 OR course_id IS NULL)
            ORDER BY id""";
    private static final String DISABLE =
            "UPDATE alert_rules SET enabled = false WHERE institution_id = $1 AND id = $2 AND enabled";

    private final TenantTransactions transactions;

    public AlertRules(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public AlertRuleId create(TenantId tenant, NewAlertRule rule) {
        return transactions.write(tenant, "alert rule creation", connection ->
                Sql.rows(connection, INSERT, row -> new AlertRuleId(Sql.required(row, "id", UUID.class)),
                        tenant.value(),
                        rule.course().<Object>map(CourseId::value).orElse(new Sql.Null(UUID.class)),
                        rule.metric().column(), rule.condition().column(), rule.threshold(),
                        rule.createdBy().value()).single());
    }

    /** The enabled rules that apply to a course: its own and the institution-wide ones. */
    public List<AlertRule> forCourse(TenantId tenant, CourseId course, Consistency consistency) {
        return transactions.query(tenant, consistency, "alert rules read", FOR_COURSE, AlertRules::ruleOf,
                tenant.value(), course.value());
    }

    /** Disables a rule; false when it was not enabled (or does not exist in this tenant). */
    public boolean disable(TenantId tenant, AlertRuleId rule) {
        return transactions.write(tenant, "alert rule disabling", connection ->
                Sql.update(connection, DISABLE, tenant.value(), rule.value()).map(updated -> updated > 0));
    }

    private static AlertRule ruleOf(Readable row) {
        return new AlertRule(
                new AlertRuleId(Sql.required(row, "id", UUID.class)),
                Optional.ofNullable(row.get("course_id", UUID.class)).map(CourseId::new),
                Metric.valueOf(Sql.required(row, "metric", String.class).toUpperCase(Locale.ROOT)),
                RuleCondition.ofColumn(Sql.required(row, "condition", String.class)),
                Sql.required(row, "threshold", Double.class),
                new PersonId(Sql.required(row, "created_by", UUID.class)),
                Sql.required(row, "enabled", Boolean.class));
    }
}
