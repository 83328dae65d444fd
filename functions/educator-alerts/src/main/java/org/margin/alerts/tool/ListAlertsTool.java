package org.margin.alerts.tool;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.margin.alerts.rule.MetricNames;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.alert.Alert;
import org.margin.store.alert.AlertFilter;
import org.margin.store.alert.AlertPosition;
import org.margin.store.alert.AlertStatus;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code list_alerts} tool: the caller's own alerts, newest first, a page at a time. */
public final class ListAlertsTool {

    public static final String NAME = "list_alerts";
    private static final int DEFAULT_LIMIT = 20;

    private final Store store;

    private ListAlertsTool(Store store) {
        this.store = store;
    }

    public static Tool tool(Store store) {
        return Tool.builder(NAME)
                .requiredScopes("alerts:read")
                .title("List my alerts")
                .description("Lists the alerts addressed to you (the educator), newest first: which rule fired about "
                        + "which student (pseudonyms), on which submission, with the observed figure and the "
                        + "status. Filter by status or course; page with limit and the returned nextCursor.")
                .inputSchema(ToolSupport.schema("list_alerts.input.json"))
                .outputSchema(ToolSupport.schema("list_alerts.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new ListAlertsTool(store)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        ObjectNode arguments = context.arguments();
        Optional<AlertPosition> after = Optional.empty();
        if (arguments.has("cursor")) {
            after = PageCursor.read(arguments.path("cursor").asString());
            if (after.isEmpty()) {
                return new ToolError("cursor is not one list_alerts gave out; start again without it.");
            }
        }
        Optional<AlertPosition> start = after;
        TenantId tenant = new TenantId(ToolSupport.id(arguments, "institutionId"));
        PersonId educator = new PersonId(ToolSupport.id(arguments, "educatorId"));
        AlertFilter filter = new AlertFilter(
                arguments.has("status")
                        ? Optional.of(AlertStatus.valueOf(arguments.path("status").asString().toUpperCase(Locale.ROOT)))
                        : Optional.empty(),
                ToolSupport.optionalId(arguments, "courseId").map(CourseId::new));
        int limit = arguments.path("limit").asInt(DEFAULT_LIMIT);
        return ToolSupport.unlessUnavailable(() -> {
            // One more than asked tells whether a next page exists without a second read.
            List<Alert> alerts = store.alerts().forEducator(tenant, educator, filter, start, limit + 1,
                    Consistency.READ_YOUR_WRITES);
            ObjectNode result = Json.object();
            ArrayNode items = result.putArray("alerts");
            alerts.stream().limit(limit).forEach(alert -> items.add(json(alert)));
            if (alerts.size() > limit) {
                result.put("nextCursor", PageCursor.of(AlertPosition.of(alerts.get(limit - 1))));
            }
            return ToolResult.structured(result);
        });
    }

    static ObjectNode json(Alert alert) {
        ObjectNode node = Json.object();
        node.put("alertId", alert.id().value().toString());
        node.put("ruleId", alert.rule().value().toString());
        node.put("kind", alert.kind().column());
        node.put("courseId", alert.course().value().toString());
        node.put("studentId", alert.student().value().toString());
        alert.submission().ifPresent(submission -> node.put("submissionId", submission.value().toString()));
        alert.metric().ifPresent(metric -> node.put("metric", MetricNames.wireName(metric)));
        node.put("observed", alert.observed());
        node.put("status", alert.status().name().toLowerCase(Locale.ROOT));
        node.put("raisedAt", alert.raisedAt().toString());
        return node;
    }
}
