package org.margin.integrity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.margin.access.AccessPolicy;
import org.margin.audit.log.AuditLog;
import org.margin.events.EventType;
import org.margin.grid.Grid;
import org.margin.integrity.access.IntegrityAccess;
import org.margin.integrity.check.ReportShelf;
import org.margin.integrity.check.SubmissionCheck;
import org.margin.integrity.event.SubmissionCreatedHandler;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.submission.SubmissionTexts;
import org.margin.integrity.submission.Utf8SubmissionTexts;
import org.margin.integrity.tool.CheckSimilarityTool;
import org.margin.integrity.tool.GetIntegrityReportTool;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.platform.Platform;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.Telemetry;
import org.margin.store.Store;

/**
 * The academic-integrity function: {@code check_similarity} and {@code get_integrity_report} over MCP, and
 * {@link SubmissionCheck#checkSubmission} for arriving submissions. Read top to bottom, this is all its wiring.
 */
public final class AcademicIntegrityFunction {

    public static final String NAME = "academic-integrity";
    public static final String VERSION = "0.1.0";
    /** The similarity at or above which a submission's report is a finding, unless the environment says. */
    public static final double DEFAULT_THRESHOLD = 0.25;
    public static final String THRESHOLD = "MARGIN_INTEGRITY_THRESHOLD";

    private AcademicIntegrityFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything from {@code environment}: runtime settings, the store
     * ({@code MARGIN_DB_*}), the grid ({@code MARGIN_GRID_*}) and the finding threshold. Opens no connection.
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        Telemetry telemetry = FunctionRuntime.telemetry(NAME, VERSION, settings);
        Platform platform = Platform.fromEnvironment(environment, NAME, telemetry.meter());
        SubmissionTexts texts = (tenant, course, submission) -> platform.texts()
                .read(tenant, submission)
                .filter(found -> found.submission().course().equals(course))
                .map(org.margin.platform.submission.SubmissionTexts.Text::text);
        Parts parts = Parts.of(platform.store(), platform.grid(), texts, platform.audit(), threshold(environment));
        return runtime(parts)
                .settings(settings)
                .telemetry(telemetry)
                .cloudEvent(EventType.SUBMISSION_CREATED.type(),
                        new SubmissionCreatedHandler(parts.submissionCheck(), platform.events(), platform.sink(),
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

    /** The function's runtime over its parts, reading its settings from the environment unless a caller gives them. */
    public static FunctionRuntime.Builder runtime(Parts parts) {
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .declareTools(CheckSimilarityTool.NAME, GetIntegrityReportTool.NAME)
                .mcp(mount -> mount.endpoint(mcp(parts)))
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void stopped() {
                        parts.audit().close();
                        parts.grid().close();
                        parts.store().close();
                    }
                });
    }

    public static McpServer.Builder mcp(Parts parts) {
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin academic integrity")
                .instructions("Finds overlap between student submissions of a course, for the course's current "
                        + "educators and the institution's administrators (the institution and the person come from "
                        + "the access token). Call check_similarity with a courseId and a text or a submissionId; "
                        + "call get_integrity_report for the report kept when a submission arrived. Answers name "
                        + "other submissions only by pseudonymous id, and every student they name is recorded in "
                        + "the disclosure log.")
                .tool(CheckSimilarityTool.tool(parts.access(), parts.texts(), parts.similarity()))
                .tool(GetIntegrityReportTool.tool(parts.access(), parts.reports()));
    }

    /**
     * What the tools and the event reaction share. Building them opens no connection.
     *
     * @param submissionCheck the reaction to {@code org.margin.submission.created.v1}, for the event wiring
     * @param access          the tools' decisions on the caller and their disclosure records
     * @param audit           the log the disclosures go to
     */
    public record Parts(Store store, Grid grid, SubmissionTexts texts, SimilarityCheck similarity,
                        ReportShelf reports, SubmissionCheck submissionCheck, IntegrityAccess access,
                        AuditLog audit) {

        /** Parts over submissions whose bodies are stored as plain UTF-8 (tests and evaluation). */
        public static Parts of(Store store, Grid grid, double threshold) {
            return of(store, grid, new Utf8SubmissionTexts(store.submissions()), AuditLog.create(store.auditTrail()),
                    threshold);
        }

        public static Parts of(Store store, Grid grid, SubmissionTexts texts, AuditLog audit, double threshold) {
            SimilarityCheck similarity = new SimilarityCheck(Winnowing.prose());
            ReportShelf reports = new ReportShelf(grid, store.integrityReports());
            Clock clock = Clock.systemUTC();
            IntegrityAccess access = new IntegrityAccess(store,
                    AccessPolicy.create(store, Optional.of(grid), clock), audit, clock);
            return new Parts(store, grid, texts, similarity, reports,
                    new SubmissionCheck(store, texts, similarity, reports, threshold), access, audit);
        }
    }

    private static double threshold(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(THRESHOLD)).filter(value -> !value.isBlank())
                .map(Double::parseDouble).orElse(DEFAULT_THRESHOLD);
    }
}
