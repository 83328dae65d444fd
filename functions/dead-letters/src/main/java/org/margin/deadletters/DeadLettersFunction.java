package org.margin.deadletters;

import java.time.Clock;
import java.util.Map;

import org.margin.audit.log.AuditLog;
import org.margin.deadletters.intake.DeadLetterIntake;
import org.margin.deadletters.tools.ListDeadLettersTool;
import org.margin.deadletters.tools.ReplayDeadLettersTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.store.Store;

/**
 * The dead-letter store: keeps every event the broker sends to its dead-letter sink, and lets operators list and
 * replay them over MCP. Read top to bottom, this is all its wiring.
 */
public final class DeadLettersFunction {

    public static final String NAME = "dead-letters";
    public static final String VERSION = "0.1.0";

    private DeadLettersFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything it needs from {@code environment}: the runtime settings, the store
     * ({@code MARGIN_DB_*}) and the event sink replays go to ({@code K_SINK}). Opens no connection.
     *
     * @throws IllegalArgumentException naming the variable, when one is missing or unusable
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        Store store = Store.builder().environment(environment).applicationName("margin-" + NAME).build();
        EventSink sink = HttpEventSink.fromEnvironment(environment);
        AuditLog audit = AuditLog.create(store.auditTrail());
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .settings(RuntimeSettings.fromEnvironment(environment))
                .declareTools(ListDeadLettersTool.NAME, ReplayDeadLettersTool.NAME)
                .mcp(mount -> mount.endpoint(McpServer.builder()
                        .serverInfo("margin-" + NAME, VERSION)
                        .title("Margin dead letters")
                        .instructions("For the platform's operators (a service or administrator token with the scope "
                                + "deadletters:admin): events the broker could not deliver. list_dead_letters shows "
                                + "them, newest first; replay_dead_letters sends them to the broker again and records each replay in the audit log.")
                        .tool(ListDeadLettersTool.tool(store.deadLetters()))
                        .tool(ReplayDeadLettersTool.tool(store.deadLetters(), sink, audit, Clock.systemUTC()))))
                .anyOtherCloudEvent(new DeadLetterIntake(store.deadLetters()))
                // Every copy reaches the store, which keeps one letter per event and counts the copies.
                .deliveryLedger(DeliveryLedger.none())
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void stopped() {
                        audit.close();
                        store.close();
                    }
                });
    }
}
