package org.margin.alerts.tool;

import java.util.Optional;
import org.margin.access.AccessPolicy;
import org.margin.access.ArgumentCallers;
import org.margin.alerts.rule.AlertRuleDefinition;
import org.margin.alerts.rule.RuleJson;
import org.margin.alerts.rule.RuleReading;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Store;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.node.ObjectNode;

/** The {@code define_alert_rule} tool: an educator sets a rule for a course they teach. */
public final class DefineAlertRuleTool {

    public static final String NAME = "define_alert_rule";
    static final String INSTITUTION_WIDE =
            "Institution-wide rules need an administrator; give the courseId of a course you teach.";
    /** The same words whether the course does not exist or is taught by others. */
    static final String NOT_YOUR_COURSE = "You can define rules only for a course you teach today.";

    private final Store store;
    private final AccessPolicy access;

    private DefineAlertRuleTool(Store store, AccessPolicy access) {
        this.store = store;
        this.access = access;
    }

    public static Tool tool(Store store, AccessPolicy access) {
        return Tool.builder(NAME)
                .requiredScopes("alerts:write")
                .title("Define an alert rule")
                .description("Defines an alert rule for a course you teach. Kinds: metric_threshold (a writing "
                        + "metric strictly below or above a threshold), baseline_drop (a metric more than k standard "
                        + "deviations below the student's own mean, once they have enough earlier submissions), "
                        + "similarity (a similarity check's best match at least this similar) and inactivity (no "
                        + "submission in the course for N days). Alerts go to the course's teachers and teaching "
                        + "assistants.")
                .inputSchema(ToolSupport.schema("define_alert_rule.input.json"))
                .outputSchema(ToolSupport.schema("define_alert_rule.output.json"))
                .annotations(new ToolAnnotations(null, false, false, false, false))
                .handler(new DefineAlertRuleTool(store, access)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        ObjectNode arguments = context.arguments();
        AlertRuleDefinition rule;
        switch (RuleJson.read(arguments.path("rule"))) {
            case RuleReading.Invalid invalid -> {
                return new ToolError(invalid.reason());
            }
            case RuleReading.Valid valid -> rule = valid.rule();
        }
        Optional<CourseId> course = ToolSupport.optionalId(arguments, "courseId").map(CourseId::new);
        if (course.isEmpty()) {
            return new ToolError(INSTITUTION_WIDE);
        }
        TenantId tenant = new TenantId(ToolSupport.id(arguments, "institutionId"));
        PersonId educator = new PersonId(ToolSupport.id(arguments, "educatorId"));
        return ToolSupport.unlessUnavailable(() -> {
            if (!access.course(ArgumentCallers.educator(tenant, educator), tenant, course.get()).permitted()) {
                return new ToolError(NOT_YOUR_COURSE);
            }
            AlertRuleId id = store.alertRules().create(tenant, new NewAlertRule(course, rule.kind(),
                    RuleJson.parameters(rule).toString(), educator));
            ObjectNode result = Json.object();
            result.put("ruleId", id.value().toString());
            result.put("courseId", course.get().value().toString());
            result.set("rule", RuleJson.write(rule));
            return ToolResult.structured(result);
        });
    }
}
