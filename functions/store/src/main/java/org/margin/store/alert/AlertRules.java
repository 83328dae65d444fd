package org.margin.store.alert;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

public final class AlertRules {

    private static final String COLUMNS =
            "id, course_id, kind, parameters::text AS parameters, created_by, enabled, created_at";

    private static final String INSERT = """
            INSERT INTO alert_rules (institution_id, course_id, kind, parameters, created_by)
            VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id""";
    private static final String FOR_COURSE = """
            SELECT %s FROM alert_rules
            WHERE institution_id = $1 AND enabled AND (course_id = $2 OR course_id IS NULL)
            ORDER BY id""".formatted(COLUMNS);
    private static final String OF_COURSE = """
            SELECT %s FROM alert_rules
            WHERE institution_id = $1 AND enabled AND course_id = $2
            ORDER BY id""".formatted(COLUMNS);
    private static final String INSTITUTION_WIDE = """
            SELECT %s FROM alert_rules
            WHERE institution_id = $1 AND enabled AND course_id IS NULL
            ORDER BY id""".formatted(COLUMNS);
    private static final String OF_KIND = """
            SELECT %s FROM alert_rules
            WHERE institution_id = $1 AND enabled AND kind = $2
            ORDER BY id""".formatted(COLUMNS);
    // The institution-wide rules, and those of the courses the educator teaches that day.
    private static final String VISIBLE_TO = """
            SELECT %s FROM alert_rules r
            WHERE r.institution_id = $1 AND r.enabled
              AND (r.course_id IS NULL OR EXISTS (
                  SELECT 1 FROM enrollments educator
                  WHERE educator.institution_id = r.institution_id AND educator.course_id = r.course_id
                    AND educator.person_id = $2 AND educator.role IN ('teacher', 'teaching_assistant')
                    AND educator.starts_on <= $3 AND (educator.ends_on IS NULL OR educator.ends_on >= $3)))
            ORDER BY r.id""".formatted(COLUMNS);
    // Across tenants, through V13's security-definer function, which returns the institutions' ids only.
    private static final String INACTIVITY_TENANTS = "SELECT inactivity_rule_tenants() AS id";
    private static final String DISABLE = """
            UPDATE alert_rules SET enabled = false WHERE institution_id = $1 AND id = $2 AND enabled
            RETURNING %s""".formatted(COLUMNS);

    private final TenantTransactions transactions;

    public AlertRules(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public AlertRuleId create(TenantId tenant, NewAlertRule rule) {
        return transactions.write(tenant, "alert rule creation", connection ->
                Sql.rows(connection, INSERT, row -> new AlertRuleId(Sql.required(row, "id", UUID.class)),
                        tenant.value(),
                        rule.course().<Object>map(CourseId::value).orElse(new Sql.Null(UUID.class)),
                        rule.kind().column(), rule.parameters(), rule.createdBy().value()).single());
    }

    /** The enabled rules that apply to a course: its own and the institution-wide ones. */
    public List<AlertRule> forCourse(TenantId tenant, CourseId course, Consistency consistency) {
        return transactions.query(tenant, consistency, "alert rules read", FOR_COURSE, AlertRules::ruleOf,
                tenant.value(), course.value());
    }

    /**
     * The enabled rules of exactly one scope: a course's own ({@code course} present) or the institution-wide ones
     * (empty), so that a cache of them can be kept per scope.
     */
    public List<AlertRule> ofScope(TenantId tenant, Optional<CourseId> course, Consistency consistency) {
        return course.isPresent()
                ? transactions.query(tenant, consistency, "course alert rules read", OF_COURSE, AlertRules::ruleOf,
                        tenant.value(), course.get().value())
                : transactions.query(tenant, consistency, "institution alert rules read", INSTITUTION_WIDE,
                        AlertRules::ruleOf, tenant.value());
    }

    /** The institution's enabled rules of one kind, whatever their scope. */
    public List<AlertRule> ofKind(TenantId tenant, RuleKind kind, Consistency consistency) {
        return transactions.query(tenant, consistency, "alert rules by kind read", OF_KIND, AlertRules::ruleOf,
                tenant.value(), kind.column());
    }

    /** Every institution with an enabled inactivity rule, for the scheduled check that names none. */
    public List<TenantId> withInactivityRules() {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "inactivity rule tenants read",
                INACTIVITY_TENANTS, row -> new TenantId(Sql.required(row, "id", UUID.class)));
    }

    /** The enabled rules an educator sees on a day: the institution-wide ones and those of courses taught then. */
    public List<AlertRule> visibleTo(TenantId tenant, PersonId educator, LocalDate on, Consistency consistency) {
        return transactions.query(tenant, consistency, "educator alert rules read", VISIBLE_TO,
                AlertRules::ruleOf, tenant.value(), educator.value(), on);
    }

    /** Disables a rule and returns it as it now is; empty when it was not enabled (or is not in this tenant). */
    public Optional<AlertRule> disable(TenantId tenant, AlertRuleId rule) {
        return transactions.writeOne(tenant, "alert rule disabling", DISABLE, AlertRules::ruleOf, tenant.value(),
                rule.value()).stream().findFirst();
    }

    private static AlertRule ruleOf(Readable row) {
        return new AlertRule(
                new AlertRuleId(Sql.required(row, "id", UUID.class)),
                Optional.ofNullable(row.get("course_id", UUID.class)).map(CourseId::new),
                RuleKind.ofColumn(Sql.required(row, "kind", String.class)),
                Sql.required(row, "parameters", String.class),
                new PersonId(Sql.required(row, "created_by", UUID.class)),
                Sql.required(row, "enabled", Boolean.class),
                Sql.required(row, "created_at", Instant.class));
    }
}
