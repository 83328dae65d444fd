package org.margin.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.margin.alerts.evaluation.AlertEvaluator;
import org.margin.alerts.evaluation.LocalInactivityTimer;
import org.margin.alerts.tool.AcknowledgeAlertTool;
import org.margin.alerts.tool.DefineAlertRuleTool;
import org.margin.alerts.tool.ListAlertRulesTool;
import org.margin.alerts.tool.ListAlertsTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.store.Store;

/**
 * The educator-alerts function: rules, their evaluation and the alerts they raise, over MCP. Read top to bottom,
 * this is all its wiring. Evaluation ({@link AlertEvaluator}) is plain methods, handed events by the CloudEvents
 * endpoint; the tools read and write through the store, which opens no connection before the first call.
 */
public final class EducatorAlertsFunction {

    public static final String NAME = "educator-alerts";
    public static final String VERSION = "0.1.0";
    /** How often local mode's timer runs the inactivity check. */
    public static final Duration LOCAL_CHECK_INTERVAL = Duration.ofHours(1);

    private EducatorAlertsFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /** The function's runtime with everything from {@code environment}: runtime settings and the store. */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        Store store = Store.builder().environment(environment).applicationName(NAME).build();
        Clock clock = Clock.systemUTC();
        FunctionRuntime.Builder runtime = runtime(store, clock).settings(settings);
        if (settings.local()) {
            runtime.lifecycle(new LocalInactivityTimer(evaluator(store, clock),
                    LocalInactivityTimer.institutions(environment.get(LocalInactivityTimer.INSTITUTIONS)),
                    LOCAL_CHECK_INTERVAL, clock));
        }
        return runtime;
    }

    /** The function's runtime over a store; "today" for enrolments and rules comes from the clock. */
    public static FunctionRuntime.Builder runtime(Store store, Clock clock) {
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .declareTools(ListAlertsTool.NAME, AcknowledgeAlertTool.NAME, DefineAlertRuleTool.NAME,
                        ListAlertRulesTool.NAME)
                .mcp(mount -> mount.endpoint(mcp(store, clock)))
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void stopped() {
                        store.close();
                    }
                });
    }

    /** Rule evaluation for events and the schedule: what the CloudEvents handlers call. */
    public static AlertEvaluator evaluator(Store store, Clock clock) {
        return new AlertEvaluator(store, clock);
    }

    /** The function's MCP server, open for a caller to add to before it is built. */
    public static McpServer.Builder mcp(Store store, Clock clock) {
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin educator alerts")
                .instructions("Alerts about students' writing for the educators who teach them. list_alerts shows "
                        + "yours, acknowledge_alert marks one seen, define_alert_rule sets a rule for a course you "
                        + "teach, list_alert_rules shows the rules that reach you. Ids are pseudonyms.")
                .tool(ListAlertsTool.tool(store))
                .tool(AcknowledgeAlertTool.tool(store))
                .tool(DefineAlertRuleTool.tool(store, clock))
                .tool(ListAlertRulesTool.tool(store, clock));
    }
}
