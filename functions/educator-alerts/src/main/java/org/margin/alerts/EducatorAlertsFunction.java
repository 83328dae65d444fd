package org.margin.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.margin.access.AccessPolicy;
import org.margin.alerts.evaluation.AlertEvaluator;
import org.margin.alerts.event.AlertEventHandlers;
import org.margin.alerts.event.LocalInactivityTimer;
import org.margin.alerts.ruleset.CourseRules;
import org.margin.alerts.tool.AcknowledgeAlertTool;
import org.margin.alerts.tool.DefineAlertRuleTool;
import org.margin.alerts.tool.ListAlertRulesTool;
import org.margin.alerts.tool.ListAlertsTool;
import org.margin.audit.log.AuditLog;
import org.margin.events.EventType;
import org.margin.platform.Platform;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.Telemetry;
import org.margin.store.Store;

/**
 * The educator-alerts function: rules, their evaluation and the alerts they raise, over MCP; {@code writing.analyzed},
 * {@code integrity.checked} and the hourly schedule in, {@code alert.raised} out. Read top to bottom, this is all
 * its wiring. Evaluation ({@link AlertEvaluator}) is plain methods, handed events by the CloudEvents endpoint; the
 * tools read and write through the store, which opens no connection before the first call.
 */
public final class EducatorAlertsFunction {

    public static final String NAME = "educator-alerts";
    public static final String VERSION = "0.1.0";
    /** How often local mode's timer runs the inactivity check, as the PingSource does on Knative. */
    public static final Duration LOCAL_CHECK_INTERVAL = Duration.ofHours(1);

    private EducatorAlertsFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything from {@code environment}: runtime settings and the platform (store,
     * grid for the delivery ledger, event sink). Opens no connection.
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        return runtime(environment, Clock.systemUTC());
    }

    /** As {@link #runtime(Map)}, with "today" for enrolments, rules and inactivity from {@code clock}. */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment, Clock clock) {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        Telemetry telemetry = FunctionRuntime.telemetry(NAME, VERSION, settings);
        Platform platform = Platform.fromEnvironment(environment, NAME, telemetry.meter());
        CourseRules rules = CourseRules.cached(platform.store(), platform.grid());
        AlertEvaluator evaluator = new AlertEvaluator(platform.store(), rules, clock, telemetry.meter());
        AlertEventHandlers handlers = new AlertEventHandlers(evaluator, platform.events(), platform.sink());
        FunctionRuntime.Builder runtime = runtime(platform.store(),
                AccessPolicy.create(platform.store(), Optional.of(platform.grid()), clock), rules, platform.audit(),
                clock)
                .settings(settings)
                .telemetry(telemetry)
                .cloudEvent(EventType.WRITING_ANALYZED.type(), handlers.writingAnalyzed())
                .cloudEvent(EventType.INTEGRITY_CHECKED.type(), handlers.integrityChecked())
                .cloudEvent(AlertEventHandlers.SCHEDULE, handlers.schedule())
                .deliveryLedger(platform.ledger())
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void settled() {
                        platform.connectInBackground();
                    }

                    @Override
                    public void stopped() {
                        platform.close();
                    }
                });
        if (settings.local()) {
            runtime.lifecycle(new LocalInactivityTimer(handlers::checkInactivity, LOCAL_CHECK_INTERVAL));
        }
        return runtime;
    }

    /**
     * The function's runtime over a store, deciding access with enrolment facts of this instance only and recording
     * disclosures in {@code audit} (which its owner closes); "today" for enrolments and rules comes from the clock.
     */
    public static FunctionRuntime.Builder runtime(Store store, AuditLog audit, Clock clock) {
        return runtime(store, AccessPolicy.create(store, Optional.empty(), clock), audit, clock);
    }

    /** The function's runtime over a store, deciding access with {@code access}, reading rules from the store. */
    public static FunctionRuntime.Builder runtime(Store store, AccessPolicy access, AuditLog audit, Clock clock) {
        return runtime(store, access, CourseRules.uncached(store), audit, clock);
    }

    /** The function's runtime over a store, deciding access with {@code access}; rules change through {@code rules}. */
    public static FunctionRuntime.Builder runtime(Store store, AccessPolicy access, CourseRules rules, AuditLog audit,
                                                  Clock clock) {
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .declareTools(ListAlertsTool.NAME, AcknowledgeAlertTool.NAME, DefineAlertRuleTool.NAME,
                        ListAlertRulesTool.NAME)
                .mcp(mount -> mount.endpoint(mcp(store, access, rules, audit, clock)))
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void stopped() {
                        store.close();
                    }
                });
    }

    /** The function's MCP server, open for a caller to add to before it is built. */
    public static McpServer.Builder mcp(Store store, AccessPolicy access, CourseRules rules, AuditLog audit,
                                        Clock clock) {
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin educator alerts")
                .instructions("Alerts about students' writing for the educators who teach them, acting for the "
                        + "signed-in educator. list_alerts shows yours (each student shown is recorded in the "
                        + "institution's disclosure log), acknowledge_alert marks one seen, define_alert_rule sets a "
                        + "rule for a course you teach, list_alert_rules shows the rules that reach you. Ids are "
                        + "pseudonyms.")
                .tool(ListAlertsTool.tool(store, access, audit, clock))
                .tool(AcknowledgeAlertTool.tool(store))
                .tool(DefineAlertRuleTool.tool(store, access, rules, audit, clock))
                .tool(ListAlertRulesTool.tool(store, clock));
    }
}
