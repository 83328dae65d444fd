package org.margin.integrity.tool;

import java.util.Optional;
import java.util.UUID;

import org.margin.grid.fault.GridUnavailable;
import org.margin.integrity.check.ReportShelf;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.StoreUnavailableException;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/** The {@code get_integrity_report} tool: the report kept when a submission was last checked. */
public final class GetIntegrityReportTool {

    public static final String NAME = "get_integrity_report";

    private GetIntegrityReportTool() {
    }

    public static Tool tool(ReportShelf reports) {
        return Tool.builder(NAME)
                .requiredScopes("integrity:read")
                .title("Get integrity report")
                .description("Returns the similarity report kept when a submission was checked on arrival: the "
                        + "threshold, whether the best similarity reached it, and the most similar submissions of "
                        + "the course by pseudonymous id, with scores and shared passages as character offsets.")
                .inputSchema(CheckSimilarityTool.Schemas.load("get_integrity_report.input.json"))
                .outputSchema(CheckSimilarityTool.Schemas.load("get_integrity_report.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(context -> call(context, reports))
                .build();
    }

    private static ToolOutcome call(RequestContext context, ReportShelf reports) {
        Optional<UUID> institution = ToolArguments.uuid(context.arguments(), "institutionId");
        if (institution.isEmpty()) {
            return ToolArguments.notAUuid("institutionId");
        }
        Optional<UUID> submission = ToolArguments.uuid(context.arguments(), "submissionId");
        if (submission.isEmpty()) {
            return ToolArguments.notAUuid("submissionId");
        }
        try {
            return reports.get(new TenantId(institution.get()), new SubmissionId(submission.get()))
                    .<ToolOutcome>map(report -> ToolResult.structured(Json.MAPPER.readTree(report)))
                    .orElseGet(() -> new ToolError("There is no integrity report for this submission yet: "
                            + "a submission is checked when it arrives."));
        } catch (StoreUnavailableException | GridUnavailable unavailable) {
            return ToolArguments.UNAVAILABLE;
        }
    }
}
