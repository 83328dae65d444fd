package org.margin.alerts.tool;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.margin.alerts.rule.RuleJson;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.alert.AlertRule;
import org.margin.store.people.PersonId;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code list_alert_rules} tool: the rules that can raise alerts to the caller. */
public final class ListAlertRulesTool {

    public static final String NAME = "list_alert_rules";

    private final Store store;
    private final Clock clock;

    private ListAlertRulesTool(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public static Tool tool(Store store, Clock clock) {
        return Tool.builder(NAME)
                .requiredScopes("alerts:read")
                .title("List alert rules")
                .description("Lists the enabled alert rules that can raise alerts to you (the signed-in educator): the institution-wide ones "
                        + "and those of the courses you teach today, each with its kind and parameters.")
                .inputSchema(ToolSupport.schema("list_alert_rules.input.json"))
                .outputSchema(ToolSupport.schema("list_alert_rules.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new ListAlertRulesTool(store, clock)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<ActingCaller> found = ActingCaller.of(context, store, Set.of(Role.EDUCATOR));
        if (found.isEmpty()) {
            return new ToolError(ActingCaller.EDUCATORS_ONLY);
        }
        ActingCaller educator = found.get();
        return ToolSupport.unlessUnavailable(() -> {
            ObjectNode result = Json.object();
            ArrayNode rules = result.putArray("rules");
            for (AlertRule rule : educator.store().alertRules().visibleTo(educator.tenant(), educator.person(),
                    LocalDate.now(clock), Consistency.READ_YOUR_WRITES)) {
                rules.add(json(rule, educator.person()));
            }
            return ToolResult.structured(result);
        });
    }

    private static ObjectNode json(AlertRule rule, PersonId caller) {
        ObjectNode node = Json.object();
        node.put("ruleId", rule.id().value().toString());
        node.put("scope", rule.course().isPresent() ? "course" : "institution");
        rule.course().ifPresent(course -> node.put("courseId", course.value().toString()));
        node.set("rule", RuleJson.write(RuleJson.stored(rule.kind(), rule.parameters())));
        // Who defined a colleague's rule is not the caller's business; whether they did is.
        node.put("definedByYou", rule.createdBy().equals(caller));
        node.put("createdAt", rule.createdAt().toString());
        return node;
    }
}
