package org.margin.analysis.tool;

import java.util.EnumSet;
import java.util.Set;

import org.margin.analysis.AnalysisOptions;
import org.margin.analysis.Section;
import org.margin.analysis.WritingAnalysis;
import org.margin.analysis.WritingAnalyzer;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code analyze_writing} tool: readability, counts, vocabulary and sentence variety of a text. */
public final class AnalyzeWritingTool {

    public static final String NAME = "analyze_writing";

    private AnalyzeWritingTool() {
    }

    public static Tool tool() {
        return Tool.builder(NAME)
                .requiredScopes("analysis:run")
                .title("Analyse writing")
                .description("Measures a piece of English prose: readability (Flesch Reading Ease, Flesch-Kincaid, "
                        + "Gunning Fog, SMOG, Coleman-Liau, ARI, Dale-Chall), counts (words, sentences, paragraphs, "
                        + "syllables), vocabulary (type-token ratio, MTLD) and sentence variety (length spread, "
                        + "repeated openings). Keeps nothing: the text is analysed and forgotten.")
                .inputSchema(ToolSchemas.load(AnalyzeWritingTool.class, "analyze_writing.input.json"))
                .outputSchema(ToolSchemas.load(AnalyzeWritingTool.class, "analyze_writing.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(Authenticated.only(AnalyzeWritingTool::call))
                .build();
    }

    private static ToolOutcome call(RequestContext context) {
        ObjectNode arguments = context.arguments();
        AnalysisOptions options = options(arguments.path("options"));
        return switch (WritingAnalyzer.analyze(arguments.path("text").asString(""), options)) {
            case WritingAnalysis.Completed completed -> ToolResult.structured(AnalysisJson.of(completed));
            case WritingAnalysis.Rejected rejected -> new ToolError(rejected.message());
        };
    }

    /** The options from arguments that the input schema has already validated. */
    private static AnalysisOptions options(JsonNode options) {
        AnalysisOptions chosen = AnalysisOptions.defaults();
        JsonNode sections = options.path("sections");
        if (sections.isArray()) {
            Set<Section> wanted = EnumSet.noneOf(Section.class);
            for (JsonNode section : sections) {
                Section.fromWireName(section.asString()).ifPresent(wanted::add);
            }
            chosen = new AnalysisOptions(wanted, chosen.repeatedOpeningsLimit(), chosen.mtldThreshold());
        }
        if (options.has("repeatedOpeningsLimit")) {
            chosen = chosen.withRepeatedOpeningsLimit(options.get("repeatedOpeningsLimit").asInt());
        }
        if (options.has("mtldThreshold")) {
            chosen = chosen.withMtldThreshold(options.get("mtldThreshold").asDouble());
        }
        return chosen;
    }
}
