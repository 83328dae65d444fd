package org.margin.integrity.tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.margin.access.Decision;
import org.margin.audit.entry.DataCategory;
import org.margin.grid.fault.GridUnavailable;
import org.margin.integrity.access.IntegrityAccess;
import org.margin.integrity.access.IntegrityAccess.Acting;
import org.margin.integrity.access.IntegrityAccess.Disclosed;
import org.margin.integrity.check.ReportShelf;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.StoreUnavailableException;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code get_integrity_report} tool: the report kept when a submission was last checked, for whoever may see
 * both the submission's student and its course (an educator teaching the course now, or an administrator). The
 * report's student and every student whose submission it names get a disclosure record before it leaves.
 */
public final class GetIntegrityReportTool {

    public static final String NAME = "get_integrity_report";
    private static final Set<DataCategory> REPORTED = Set.of(DataCategory.INTEGRITY_REPORTS);
    private static final Set<DataCategory> MATCHED = Set.of(DataCategory.FINGERPRINTS);

    private final IntegrityAccess access;
    private final ReportShelf reports;

    private GetIntegrityReportTool(IntegrityAccess access, ReportShelf reports) {
        this.access = access;
        this.reports = reports;
    }

    public static Tool tool(IntegrityAccess access, ReportShelf reports) {
        return Tool.builder(NAME)
                .requiredScopes("integrity:read")
                .title("Get integrity report")
                .description("For an educator who teaches the submission's course now, or an administrator of its "
                        + "institution: the similarity report kept when a submission was checked on arrival: the "
                        + "threshold, whether the best similarity reached it, and the most similar submissions of "
                        + "the course by pseudonymous id, with scores and shared passages as character offsets. "
                        + "The report's student and each student it names are recorded in the disclosure log.")
                .inputSchema(CheckSimilarityTool.Schemas.load("get_integrity_report.input.json"))
                .outputSchema(CheckSimilarityTool.Schemas.load("get_integrity_report.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new GetIntegrityReportTool(access, reports)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<Acting> caller = access.acting(context);
        if (caller.isEmpty()) {
            return ToolArguments.NO_PERSON;
        }
        Acting acting = caller.get();
        Optional<UUID> submissionArgument = ToolArguments.uuid(context.arguments(), "submissionId");
        if (submissionArgument.isEmpty()) {
            return ToolArguments.notAUuid("submissionId");
        }
        SubmissionId submission = new SubmissionId(submissionArgument.get());
        try {
            Optional<Submission> found = access.submission(acting, submission);
            if (found.isEmpty()
                    || !(access.student(acting, found.get().student()) instanceof Decision.Permitted studentBasis)
                    || !(access.course(acting, found.get().course()) instanceof Decision.Permitted courseBasis)) {
                return ToolArguments.REPORT_REFUSED;
            }
            Optional<byte[]> kept = reports.get(acting.tenant(), submission);
            if (kept.isEmpty()) {
                return new ToolError("There is no integrity report for this submission yet: "
                        + "a submission is checked when it arrives.");
            }
            ObjectNode report = (ObjectNode) Json.MAPPER.readTree(kept.get());
            List<Disclosed> disclosed = new ArrayList<>();
            disclosed.add(new Disclosed(found.get().student(), studentBasis.basis(), REPORTED));
            double bestShown = 0;
            if (report.path("matches") instanceof ArrayNode matches) {
                Iterator<JsonNode> each = matches.iterator();
                while (each.hasNext()) {
                    JsonNode match = each.next();
                    Optional<Submission> other = ToolArguments.uuid(match, "submissionId")
                            .flatMap(id -> access.submission(acting, new SubmissionId(id)));
                    if (other.isEmpty()) {
                        // The caller's view decides again: a submission it cannot read is not named, nor scored.
                        each.remove();
                    } else {
                        bestShown = Math.max(bestShown, match.path("similarity").asDouble());
                        disclosed.add(new Disclosed(other.get().student(), courseBasis.basis(), MATCHED));
                    }
                }
            }
            report.put("bestSimilarity", bestShown);
            access.discloseDurably(acting, NAME, disclosed);
            return ToolResult.structured(report);
        } catch (StoreUnavailableException | GridUnavailable unavailable) {
            return ToolArguments.UNAVAILABLE;
        }
    }
}
