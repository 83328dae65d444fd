package org.margin.integrity.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

import org.margin.grid.fault.GridUnavailable;
import org.margin.integrity.check.ReportJson;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.similarity.SimilarityReport;
import org.margin.integrity.similarity.StoredCourseIndex;
import org.margin.integrity.submission.SubmissionTexts;
import org.margin.integrity.winnowing.TextFingerprints;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.StoreUnavailableException;
import org.margin.store.course.CourseId;
import org.margin.store.integrity.Fingerprints;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code check_similarity} tool: a text, or a stored submission, against a course's index. It answers with
 * other submissions' pseudonymous ids, scores and offsets; of text it returns only short excerpts of the checked
 * text itself.
 */
public final class CheckSimilarityTool {

    public static final String NAME = "check_similarity";
    /** The longest text checked, in characters (the input schema says the same). */
    public static final int MAX_TEXT = 100_000;
    /** The most characters of the checked text quoted per span. */
    public static final int EXCERPT = 80;
    private static final int DEFAULT_LIMIT = 5;

    private CheckSimilarityTool() {
    }

    public static Tool tool(Fingerprints fingerprints, SubmissionTexts texts, SimilarityCheck check) {
        return Tool.builder(NAME)
                .requiredScopes("integrity:read")
                .title("Check similarity")
                .description("Compares a text, or a stored submission, with every submission of a course and "
                        + "returns the most similar ones: similarity (0 to 1: the larger of the share of the checked "
                        + "text's fingerprints found in the other submission and the share of its distinct words, "
                        + "weighted by rarity in the course, found there in the same order) and the shared passages as character offsets in "
                        + "both texts, with a short excerpt of the checked text. Never returns another submission's "
                        + "text or its author. A checked text is not stored.")
                .inputSchema(Schemas.load("check_similarity.input.json"))
                .outputSchema(Schemas.load("check_similarity.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(context -> call(context, fingerprints, texts, check))
                .build();
    }

    private static ToolOutcome call(RequestContext context, Fingerprints fingerprints, SubmissionTexts texts,
                                    SimilarityCheck check) {
        ObjectNode arguments = context.arguments();
        Optional<UUID> institution = ToolArguments.uuid(arguments, "institutionId");
        if (institution.isEmpty()) {
            return ToolArguments.notAUuid("institutionId");
        }
        Optional<UUID> course = ToolArguments.uuid(arguments, "courseId");
        if (course.isEmpty()) {
            return ToolArguments.notAUuid("courseId");
        }
        boolean hasText = arguments.has("text");
        boolean hasSubmission = arguments.has("submissionId");
        if (hasText == hasSubmission) {
            return new ToolError("Give exactly one of text and submissionId.");
        }
        int limit = arguments.path("limit").asInt(DEFAULT_LIMIT);
        if (limit < 1 || limit > SimilarityCheck.MAX_MATCHES) {
            return new ToolError("limit must be between 1 and " + SimilarityCheck.MAX_MATCHES + ".");
        }
        TenantId tenant = new TenantId(institution.get());
        try {
            Optional<SubmissionId> excluding = Optional.empty();
            String text;
            if (hasText) {
                text = arguments.path("text").asString("");
            } else {
                Optional<UUID> submission = ToolArguments.uuid(arguments, "submissionId");
                if (submission.isEmpty()) {
                    return ToolArguments.notAUuid("submissionId");
                }
                excluding = Optional.of(new SubmissionId(submission.get()));
                Optional<String> stored = texts.plainText(tenant, new CourseId(course.get()), excluding.get());
                if (stored.isEmpty()) {
                    return new ToolError("No such submission in this course.");
                }
                text = stored.get();
            }
            if (text.isBlank()) {
                return new ToolError("The text is empty.");
            }
            if (text.length() > MAX_TEXT) {
                return new ToolError("The text is longer than " + MAX_TEXT + " characters.");
            }
            TextFingerprints fingerprinted = check.winnowing().fingerprint(text);
            if (fingerprinted.count() == 0) {
                return new ToolError("The text is too short to check: it needs at least "
                        + check.winnowing().k() + " words besides common function words.");
            }
            SimilarityReport report = check.check(fingerprinted,
                    new StoredCourseIndex(fingerprints, tenant, new CourseId(course.get())), excluding, limit);
            return ToolResult.structured(withExcerpts(ReportJson.of(report), text));
        } catch (StoreUnavailableException | GridUnavailable unavailable) {
            return ToolArguments.UNAVAILABLE;
        }
    }

    /** Adds to each span a few characters of the checked text, which the caller holds anyway. */
    private static ObjectNode withExcerpts(ObjectNode report, String text) {
        for (JsonNode match : report.path("matches")) {
            for (JsonNode span : match.path("spans")) {
                ObjectNode checked = (ObjectNode) span.path("checked");
                int start = checked.path("start").asInt();
                int end = Math.min(checked.path("end").asInt(), start + EXCERPT);
                if (end < text.length() && end > start && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                checked.put("excerpt", text.substring(start, end));
            }
        }
        return report;
    }

    /** The tools' JSON schemas, bundled beside them. */
    static final class Schemas {
        private Schemas() {
        }

        static ObjectNode load(String resource) {
            try (InputStream in = CheckSimilarityTool.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + resource);
                }
                return (ObjectNode) Json.MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
