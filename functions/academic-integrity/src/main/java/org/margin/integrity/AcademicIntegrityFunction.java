package org.margin.integrity;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.margin.grid.Grid;
import org.margin.grid.config.GridProfile;
import org.margin.integrity.check.ReportShelf;
import org.margin.integrity.check.SubmissionCheck;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.submission.SubmissionTexts;
import org.margin.integrity.submission.Utf8SubmissionTexts;
import org.margin.integrity.tool.CheckSimilarityTool;
import org.margin.integrity.tool.GetIntegrityReportTool;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
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
    public static final String GRID_PROFILE = "MARGIN_GRID_PROFILE";
    /** The grid's key for keyed pseudonyms, base64, at least 32 bytes, the same on every instance. */
    public static final String GRID_PSEUDONYM_KEY = "MARGIN_GRID_PSEUDONYM_KEY";

    private AcademicIntegrityFunction() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        Store store = Store.builder().environment(environment).build();
        Grid grid = Grid.builder()
                .profile(GridProfile.named(environment.get(GRID_PROFILE)))
                .pseudonymKey(Base64.getDecoder().decode(required(environment, GRID_PSEUDONYM_KEY)))
                .build();
        runtime(Parts.of(store, grid, threshold(environment))).build().serve();
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
                        parts.grid().close();
                        parts.store().close();
                    }
                });
    }

    public static McpServer.Builder mcp(Parts parts) {
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin academic integrity")
                .instructions("Finds overlap between student submissions of a course. Call check_similarity with "
                        + "a text or a submissionId; call get_integrity_report for the report kept when a "
                        + "submission arrived. Answers name other submissions only by pseudonymous id.")
                .tool(CheckSimilarityTool.tool(parts.store().fingerprints(), parts.texts(), parts.similarity()))
                .tool(GetIntegrityReportTool.tool(parts.reports()));
    }

    /**
     * What the tools and the event reaction share. Building them opens no connection.
     *
     * @param submissionCheck the reaction to {@code org.margin.submission.created.v1}, for the event wiring
     */
    public record Parts(Store store, Grid grid, SubmissionTexts texts, SimilarityCheck similarity,
                        ReportShelf reports, SubmissionCheck submissionCheck) {

        public static Parts of(Store store, Grid grid, double threshold) {
            SubmissionTexts texts = new Utf8SubmissionTexts(store.submissions());
            SimilarityCheck similarity = new SimilarityCheck(Winnowing.prose());
            ReportShelf reports = new ReportShelf(grid, store.integrityReports());
            return new Parts(store, grid, texts, similarity, reports,
                    new SubmissionCheck(store, texts, similarity, reports, threshold));
        }
    }

    private static double threshold(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(THRESHOLD)).filter(value -> !value.isBlank())
                .map(Double::parseDouble).orElse(DEFAULT_THRESHOLD);
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
