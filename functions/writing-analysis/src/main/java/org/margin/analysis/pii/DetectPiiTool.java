package org.margin.analysis.pii;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.margin.analysis.tool.Authenticated;
import org.margin.analysis.tool.ToolSchemas;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code detect_pii} tool: where a text holds personal data, as spans. The values themselves come back only
 * when the caller asks ({@code includeValues}): the caller already holds the text, and a result that repeats the
 * values copies personal data into the model's context and every transcript that records it.
 */
public final class DetectPiiTool {

    public static final String NAME = "detect_pii";

    private DetectPiiTool() {
    }

    public static Tool tool() {
        return Tool.builder(NAME)
                .requiredScopes("analysis:run")
                .title("Find personal data")
                .description("Finds personal data in a text (names, e-mail addresses, phone numbers, street "
                        + "addresses, ZIP codes, dates, ages, SSNs, card numbers, IBANs, IP addresses, URLs, "
                        + "driver's licences and the school's own ids) and returns where each one is, its type, a "
                        + "confidence score and the rule that found it. Returns spans, not the values, unless "
                        + "includeValues is true. Keeps nothing.")
                .inputSchema(ToolSchemas.load(DetectPiiTool.class, "detect_pii.input.json"))
                .outputSchema(ToolSchemas.load(DetectPiiTool.class, "detect_pii.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(Authenticated.only(DetectPiiTool::call))
                .build();
    }

    private static ToolOutcome call(RequestContext context) {
        return switch (PiiRequest.read(context.arguments())) {
            case PiiRequest.Refused refused -> new ToolError(refused.message());
            case PiiRequest.Accepted accepted -> ToolResult.structured(result(accepted.request(),
                    PiiScan.findings(accepted.request()), context.arguments().path("includeValues").asBoolean(false)));
        };
    }

    private static ObjectNode result(PiiRequest request, List<Finding> findings, boolean includeValues) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("findings");
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (Finding finding : findings) {
            ObjectNode entry = list.addObject();
            entry.put("start", finding.start());
            entry.put("end", finding.end());
            entry.put("type", finding.type().name());
            entry.put("score", finding.score());
            entry.put("recognizer", finding.recognizer());
            if (includeValues) {
                entry.put("value", finding.value(request.text()));
            }
            counts.merge(finding.type(), 1, Integer::sum);
        }
        ObjectNode byType = json.putObject("counts");
        counts.forEach((type, count) -> byType.put(type.name(), count));
        return json;
    }
}
