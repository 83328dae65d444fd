package org.margin.integrity.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.margin.integrity.check.ReportJson;
import org.margin.integrity.similarity.Match;
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
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code check_similarity} tool: a text, or a stored submission, against a course's index, for an educator who
 * teaches the course now or an administrator of its institution. It answers with other submissions' pseudonymous
 * ids, scores and offsets; of text it returns only short excerpts of the checked text itself. Every student whose
 * submission appears in the answer (and the author of a checked stored submission) gets a disclosure record before
 * the answer leaves.
 */
public final class CheckSimilarityTool {

    public static final String NAME = "check_similarity";
    /** The longest text checked, in characters (the input schema says the same). */
    public static final int MAX_TEXT = 100_000;
    /** The most characters of the checked text quoted per span. */
    public static final int EXCERPT = 80;
    private static final int DEFAULT_LIMIT = 5;
    private static final Set<DataCategory> MATCHED = Set.of(DataCategory.FINGERPRINTS);
    private static final Set<DataCategory> CHECKED = Set.of(DataCategory.SUBMISSIONS, DataCategory.FINGERPRINTS);

    private final IntegrityAccess access;
    private final SubmissionTexts texts;
    private final SimilarityCheck check;

    private CheckSimilarityTool(IntegrityAccess access, SubmissionTexts texts, SimilarityCheck check) {
        this.access = access;
        this.texts = texts;
        this.check = check;
    }

    public static Tool tool(IntegrityAccess access, SubmissionTexts texts, SimilarityCheck check) {
        return Tool.builder(NAME)
                .requiredScopes("integrity:read")
                .title("Check similarity")
                .description("For an educator who teaches the course now, or an administrator of its institution: "
                        + "compares a text, or a stored submission, with every submission of a course and "
                        + "returns the most similar ones: similarity (0 to 1: the larger of the share of the checked "
                        + "text's fingerprints found in the other submission and the share of its distinct words, "
                        + "weighted by rarity in the course, found there in the same order) and the shared passages as character offsets in "
                        + "both texts, with a short excerpt of the checked text. Never returns another submission's "
                        + "text or its author. A checked text is not stored. Each student whose submission appears "
                        + "in the answer is recorded in the institution's disclosure log.")
                .inputSchema(Schemas.load("check_similarity.input.json"))
                .outputSchema(Schemas.load("check_similarity.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new CheckSimilarityTool(access, texts, check)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<Acting> caller = access.acting(context);
        if (caller.isEmpty()) {
            return ToolArguments.NO_PERSON;
        }
        Acting acting = caller.get();
        ObjectNode arguments = context.arguments();
        Optional<UUID> courseArgument = ToolArguments.uuid(arguments, "courseId");
        if (courseArgument.isEmpty()) {
            return ToolArguments.notAUuid("courseId");
        }
        CourseId course = new CourseId(courseArgument.get());
        boolean hasText = arguments.has("text");
        boolean hasSubmission = arguments.has("submissionId");
        if (hasText == hasSubmission) {
            return new ToolError("Give exactly one of text and submissionId.");
        }
        int limit = arguments.path("limit").asInt(DEFAULT_LIMIT);
        if (limit < 1 || limit > SimilarityCheck.MAX_MATCHES) {
            return new ToolError("limit must be between 1 and " + SimilarityCheck.MAX_MATCHES + ".");
        }
        try {
            if (!(access.course(acting, course) instanceof Decision.Permitted courseBasis)) {
                return ToolArguments.COURSE_REFUSED;
            }
            List<Disclosed> disclosed = new ArrayList<>();
            Optional<SubmissionId> excluding = Optional.empty();
            String text;
            if (hasText) {
                text = arguments.path("text").asString("");
            } else {
                Optional<UUID> submissionArgument = ToolArguments.uuid(arguments, "submissionId");
                if (submissionArgument.isEmpty()) {
                    return ToolArguments.notAUuid("submissionId");
                }
                SubmissionId submission = new SubmissionId(submissionArgument.get());
                Optional<Submission> found = access.submission(acting, submission)
                        .filter(seen -> seen.course().equals(course));
                if (found.isEmpty()
                        || !(access.student(acting, found.get().student()) instanceof Decision.Permitted studentBasis)) {
                    return ToolArguments.NO_SUCH_SUBMISSION;
                }
                Optional<String> stored = texts.plainText(acting.tenant(), course, submission);
                if (stored.isEmpty()) {
                    return ToolArguments.NO_SUCH_SUBMISSION;
                }
                excluding = Optional.of(submission);
                text = stored.get();
                disclosed.add(new Disclosed(found.get().student(), studentBasis.basis(), CHECKED));
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
                    new StoredCourseIndex(acting.store().fingerprints(), acting.tenant(), course), excluding, limit);
            List<Match> shown = new ArrayList<>(report.matches().size());
            for (Match match : report.matches()) {
                // The caller's view decides again: a submission it cannot read is not shown, nor disclosed.
                access.submission(acting, match.submission()).ifPresent(other -> {
                    shown.add(match);
                    disclosed.add(new Disclosed(other.student(), courseBasis.basis(), MATCHED));
                });
            }
            access.discloseDurably(acting, NAME, disclosed);
            return ToolResult.structured(withExcerpts(ReportJson.of(new SimilarityReport(report.fingerprints(),
                    shown)), text));
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
