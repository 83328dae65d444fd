package org.margin.governance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.margin.governance.audit.CheckpointSchedule;
import org.margin.governance.audit.VerifyAuditLogTool;
import org.margin.governance.consent.GetConsentsTool;
import org.margin.governance.consent.RecordConsentTool;
import org.margin.governance.consent.WithdrawConsentTool;
import org.margin.governance.retention.RetentionSchedule;
import org.margin.governance.retention.RetentionTools;
import org.margin.governance.rights.RightsTools;
import org.margin.governance.roster.ImportRosterTool;
import org.margin.governance.schedule.PingSchedules;
import org.margin.platform.Platform;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.Telemetry;
import org.margin.store.Store;

/**
 * The data-governance function: what an institution's administrators and its students use to exercise control over
 * student data (roster and consent, retention, data-subject requests, the audit trail). Read top to bottom, this
 * is all its wiring.
 */
public final class DataGovernanceFunction {

    public static final String NAME = "data-governance";
    public static final String VERSION = "0.1.0";
    /** How often the audit chains' Merkle roots are signed (ISO-8601 duration). */
    public static final String CHECKPOINT_INTERVAL = "MARGIN_AUDIT_CHECKPOINT_INTERVAL";
    static final String DEFAULT_CHECKPOINT_INTERVAL = "PT10M";

    private DataGovernanceFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything from {@code environment}: runtime settings and the platform (store,
     * keys, grid, event sink). Opens no connection.
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        Telemetry telemetry = FunctionRuntime.telemetry(NAME, VERSION, settings);
        Platform platform = Platform.fromEnvironment(environment, NAME, telemetry.meter());
        Governance governance = Governance.of(platform, Clock.systemUTC());
        Duration checkpointInterval = Duration.parse(
                environment.getOrDefault(CHECKPOINT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL));
        AtomicReference<AutoCloseable> checkpoints = new AtomicReference<>();
        List<String> tools = new ArrayList<>(List.of(ImportRosterTool.NAME, RecordConsentTool.NAME,
                WithdrawConsentTool.NAME, GetConsentsTool.NAME, VerifyAuditLogTool.NAME));
        tools.addAll(RightsTools.NAMES);
        tools.addAll(RetentionTools.NAMES);
        FunctionRuntime.Builder runtime = FunctionRuntime.builder()
                .service(NAME, VERSION)
                .settings(settings)
                .telemetry(telemetry)
                .declareTools(tools.toArray(String[]::new))
                .mcp(mount -> mount.endpoint(mcp(platform, governance)))
                .cloudEvent(RetentionSchedule.SCHEDULE, new PingSchedules(governance.schedule().handler(),
                        new CheckpointSchedule(platform.auditCheckpoints()).handler()))
                .deliveryLedger(platform.ledger())
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void settled() {
                        platform.connectInBackground();
                    }

                    @Override
                    public void started(int port) {
                        if (Platform.configured(environment)) {
                            checkpoints.set(platform.auditCheckpoints().every(checkpointInterval));
                        }
                    }

                    @Override
                    public void stopped() {
                        AutoCloseable running = checkpoints.getAndSet(null);
                        if (running != null) {
                            try {
                                running.close();
                            } catch (Exception ignored) {
                                // Stopping a sleeping virtual thread cannot fail in a way worth reporting.
                            }
                        }
                        platform.close();
                    }
                });
        if (settings.local()) {
            runtime.lifecycle(governance.schedule().localTimer(RetentionSchedule.LOCAL_INTERVAL));
        }
        return runtime;
    }

    /** The function's MCP server with every tool. */
    public static McpServer.Builder mcp(Platform platform, Governance governance) {
        Store store = platform.store();
        McpServer.Builder server = McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin data governance")
                .instructions("For an institution's administrators and its students: roster and consent, "
                        + "retention, access to and erasure of a student's data, and the audit trail. Ids are "
                        + "pseudonyms; the caller and their institution come from the access token.")
                .tool(ImportRosterTool.tool(platform.pseudonyms(), store.courses(), store.enrollments(),
                        platform.parentalConsent(), platform.heldEvents(), platform.sink(), governance.access(),
                        governance.audit()))
                .tool(RecordConsentTool.tool(store.consents(), store.heldEvents(),
                        platform.parentalConsent(), platform.heldEvents(), platform.consentGate(),
                        platform.sink(), governance.access(), governance.audit()))
                .tool(WithdrawConsentTool.tool(store.consents(), platform.consentGate(), governance.access(),
                        governance.audit()))
                .tool(GetConsentsTool.tool(store.consents(), store.heldEvents(), governance.access(),
                        governance.audit()))
                .tool(new VerifyAuditLogTool(platform.auditVerifier(), platform.audit(), Clock.systemUTC()).tool());
        governance.rights().tools().forEach(server::tool);
        governance.retention().tools().forEach(server::tool);
        return server;
    }
}
