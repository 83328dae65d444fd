package org.margin.analysis;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.margin.analysis.pii.DetectPiiTool;
import org.margin.analysis.pii.RedactPiiTool;
import org.margin.analysis.pii.ResolvePiiTokensTool;
import org.margin.analysis.pii.TokenKey;
import org.margin.analysis.submission.SubmissionAnalysis;
import org.margin.analysis.tool.AnalyzeWritingTool;
import org.margin.audit.log.AuditLog;
import org.margin.events.EventType;
import org.margin.platform.Platform;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.Telemetry;

/**
 * The writing-analysis function: {@code analyze_writing}, {@code detect_pii}, {@code redact_pii} and
 * {@code resolve_pii_tokens} over MCP, and
 * the analysis of every submission an LMS sends ({@code submission.created} in, {@code writing.analyzed} out).
 * Read top to bottom, this is all its wiring.
 */
public final class WritingAnalysisFunction {

    public static final String NAME = "writing-analysis";
    public static final String VERSION = "0.1.0";

    private WritingAnalysisFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything from {@code environment}: runtime settings and, when a database is
     * configured, the platform (store, keys, grid, event sink) to analyse submissions and to record token
     * resolutions in the audit log. Without one it serves the tools that keep nothing, and refuses to resolve
     * tokens. Opens no connection.
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        FunctionRuntime.Builder runtime = FunctionRuntime.builder()
                .service(NAME, VERSION)
                .settings(settings)
                .declareTools(AnalyzeWritingTool.NAME, DetectPiiTool.NAME, RedactPiiTool.NAME,
                        ResolvePiiTokensTool.NAME)
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void preparing() {
                        loadWordTables();
                    }
                });
        // The tools (their schemas, Jackson's first mapper) are built by the factory, on the runtime's start-up
        // thread, beside Helidon's own set-up rather than before it.
        if (!Platform.configured(environment)) {
            return runtime.mcp(mount -> mount.endpoint(mcp(environment, Optional.empty())));
        }
        // Built here rather than by the runtime, on its start-up thread, only when the platform's metrics need it.
        Telemetry telemetry = FunctionRuntime.telemetry(NAME, VERSION, settings);
        Platform platform = Platform.fromEnvironment(environment, NAME, telemetry.meter());
        return runtime
                .mcp(mount -> mount.endpoint(mcp(environment, Optional.of(platform.audit()))))
                .telemetry(telemetry)
                .cloudEvent(EventType.SUBMISSION_CREATED.type(),
                        new SubmissionAnalysis(platform.texts(), platform.events(), platform.sink(),
                                platform.consentGate()))
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
    }

    /**
     * Loads the word tables (tens of milliseconds) while the server starts, so that the first call does not wait
     * for them; a call that comes sooner waits for the same load, never a second one.
     */
    private static void loadWordTables() {
        WritingAnalyzer.analyze("Word tables load on the first analysis.", AnalysisOptions.defaults());
    }

    /**
     * The function's MCP server, open for a caller (a load driver) to add to before it is built.
     *
     * @param environment names the token key ({@code MARGIN_PII_TOKEN_KEYSET}), shared by redaction and resolution
     * @param audit       where token resolutions are recorded; without it, resolution is refused
     */
    public static McpServer.Builder mcp(Map<String, String> environment, Optional<AuditLog> audit) {
        TokenKey tokenKey = new TokenKey(environment);
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin writing analysis")
                .instructions("Analyses student writing: call analyze_writing with the text. detect_pii finds personal "
                        + "data in a text and redact_pii replaces it; an institution's administrators can turn "
                        + "redact_pii's tokens back into values with resolve_pii_tokens, which is audited. No text is "
                        + "stored.")
                .tool(AnalyzeWritingTool.tool())
                .tool(DetectPiiTool.tool())
                .tool(RedactPiiTool.tool(tokenKey))
                .tool(ResolvePiiTokensTool.tool(tokenKey, audit, Clock.systemUTC()));
    }
}
