package org.margin.alerts.tool;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Store;
import org.margin.store.alert.AlertId;
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
                .description("Marks one of your alerts (you: the signed-in educator) as acknowledged. Only the educator an alert is addressed to "
                        + "can acknowledge it; acknowledging it again changes nothing, and a dismissed alert stays "
                        + "dismissed.")
                .inputSchema(ToolSupport.schema("acknowledge_alert.input.json"))
                .outputSchema(ToolSupport.schema("acknowledge_alert.output.json"))
                .annotations(new ToolAnnotations(null, false, false, true, false))
                .handler(new AcknowledgeAlertTool(store)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<ActingCaller> found = ActingCaller.of(context, store, Set.of(Role.EDUCATOR));
        if (found.isEmpty()) {
            return new ToolError(ActingCaller.EDUCATORS_ONLY);
        }
        ActingCaller educator = found.get();
        AlertId alert = new AlertId(ToolSupport.id(context.arguments(), "alertId"));
        // Acting for the educator: an alert about a student they no longer teach is as absent as another's.
        return ToolSupport.unlessUnavailable(() -> educator.store().alerts()
                .acknowledge(educator.tenant(), alert, educator.person())
                .<ToolOutcome>map(status -> {
                    ObjectNode result = Json.object();
                    result.put("alertId", alert.value().toString());
                    result.put("status", status.name().toLowerCase(Locale.ROOT));
                    return ToolResult.structured(result);
                })
                .orElseGet(() -> new ToolError(NOT_YOURS)));
    }
}
