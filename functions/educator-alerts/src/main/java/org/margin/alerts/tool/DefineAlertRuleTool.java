package org.margin.alerts.tool;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.margin.access.AccessPolicy;
import org.margin.alerts.rule.AlertRuleDefinition;
import org.margin.alerts.rule.RuleJson;
import org.margin.alerts.rule.RuleReading;
import org.margin.alerts.ruleset.CourseRules;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.audit.log.AuditLog;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Store;
import org.margin.store.StoreUnavailableException;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.course.CourseId;
import tools.jackson.databind.node.ObjectNode;

/** The {@code define_alert_rule} tool: an educator sets a rule for a course they teach. */
public final class DefineAlertRuleTool {

    public static final String NAME = "define_alert_rule";
    static final String INSTITUTION_WIDE =
            "Institution-wide rules need an administrator; give the courseId of a course you teach.";
    /** What the audit log records: who defined which rule (the rule's id; its parameters are in the store). */
    static final String AUDIT_ACTION = "alert_rule.defined";
    /** The same words whether the course does not exist or is taught by others. */
    static final String NOT_YOUR_COURSE = "You can define rules only for a course you teach today.";

    private final Store store;
    private final AccessPolicy access;
    private final CourseRules rules;
    private final AuditLog audit;
    private final Clock clock;

    private DefineAlertRuleTool(Store store, AccessPolicy access, CourseRules rules, AuditLog audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param rules the rule sets every instance evaluates with, which a new rule's scope must leave */
    public static Tool tool(Store store, AccessPolicy access, CourseRules rules, AuditLog audit, Clock clock) {
        return Tool.builder(NAME)
                .requiredScopes("alerts:write")
                .title("Define an alert rule")
                .description("Defines an alert rule for a course you (the signed-in educator) teach; an "
                        + "administrator may define one for any course of the institution, or (no courseId) for the "
                        + "whole institution. Kinds: metric_threshold (a writing "
                        + "metric strictly below or above a threshold), baseline_drop (a metric more than k standard "
                        + "deviations below the student's own mean, once they have enough earlier submissions), "
                        + "similarity (a similarity check's best match at least this similar) and inactivity (no "
                        + "submission in the course for N days). Alerts go to the course's teachers and teaching "
                        + "assistants.")
                .inputSchema(ToolSupport.schema("define_alert_rule.input.json"))
                .outputSchema(ToolSupport.schema("define_alert_rule.output.json"))
                .annotations(new ToolAnnotations(null, false, false, false, false))
                .handler(new DefineAlertRuleTool(store, access, rules, audit, clock)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<ActingCaller> found = ActingCaller.of(context, store, Set.of(Role.EDUCATOR, Role.ADMINISTRATOR));
        if (found.isEmpty()) {
            return new ToolError(ActingCaller.EDUCATORS_ONLY);
        }
        ActingCaller author = found.get();
        boolean administrator = author.caller().role() == Role.ADMINISTRATOR;
        ObjectNode arguments = context.arguments();
        AlertRuleDefinition rule;
        switch (RuleJson.read(arguments.path("rule"))) {
            case RuleReading.Invalid invalid -> {
                return new ToolError(invalid.reason());
            }
            case RuleReading.Valid valid -> rule = valid.rule();
        }
        Optional<CourseId> course = ToolSupport.optionalId(arguments, "courseId").map(CourseId::new);
        if (course.isEmpty() && !administrator) {
            return new ToolError(INSTITUTION_WIDE);
        }
        return ToolSupport.unlessUnavailable(() -> {
            if (course.isPresent()
                    && !access.course(author.caller(), author.tenant(), course.get()).permitted()) {
                return new ToolError(NOT_YOUR_COURSE);
            }
            AlertRuleId id = rules.define(author.store().alertRules(), author.tenant(), new NewAlertRule(course,
                    rule.kind(), RuleJson.parameters(rule).toString(), author.person()));
            try {
                audit.recordDurably(author.tenant(), new AdministrativeAction(clock.instant(), Actor.person(
                        administrator ? ActorRole.ADMINISTRATOR : ActorRole.EDUCATOR, author.person().value()),
                        AUDIT_ACTION, "rule:" + id.value()));
            } catch (CompletionException failed) {
                throw new StoreUnavailableException("the audit record was not committed", null);
            }
            ObjectNode result = Json.object();
            result.put("ruleId", id.value().toString());
            course.ifPresent(scope -> result.put("courseId", scope.value().toString()));
            result.set("rule", RuleJson.write(rule));
            return ToolResult.structured(result);
        });
    }
}
