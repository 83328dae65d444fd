package org.margin.alerts.tool;

import java.util.Locale;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Store;
import org.margin.store.alert.AlertId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.node.ObjectNode;

/** The {@code acknowledge_alert} tool: the recipient marks an alert seen; again is harmless. */
public final class AcknowledgeAlertTool {

    public static final String NAME = "acknowledge_alert";
    /** The same words whether the alert does not exist or is another educator's: neither is revealed. */
    static final String NOT_YOURS = "No alert with this alertId is addressed to you.";

    private final Store store;

    private AcknowledgeAlertTool(Store store) {
        this.store = store;
    }

    public static Tool tool(Store store) {
        return Tool.builder(NAME)
                .requiredScopes("alerts:write")
                .title("Acknowledge an alert")
                .description("Marks one of your alerts as acknowledged. Only the educator an alert is addressed to "
                        + "can acknowledge it; acknowledging it again changes nothing, and a dismissed alert stays "
                        + "dismissed.")
                .inputSchema(ToolSupport.schema("acknowledge_alert.input.json"))
                .outputSchema(ToolSupport.schema("acknowledge_alert.output.json"))
                .annotations(new ToolAnnotations(null, false, false, true, false))
                .handler(new AcknowledgeAlertTool(store)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        ObjectNode arguments = context.arguments();
        TenantId tenant = new TenantId(ToolSupport.id(arguments, "institutionId"));
        PersonId educator = new PersonId(ToolSupport.id(arguments, "educatorId"));
        AlertId alert = new AlertId(ToolSupport.id(arguments, "alertId"));
        return ToolSupport.unlessUnavailable(() -> store.alerts().acknowledge(tenant, alert, educator)
                .<ToolOutcome>map(status -> {
                    ObjectNode result = Json.object();
                    result.put("alertId", alert.value().toString());
                    result.put("status", status.name().toLowerCase(Locale.ROOT));
                    return ToolResult.structured(result);
                })
                .orElseGet(() -> new ToolError(NOT_YOURS)));
    }
}
