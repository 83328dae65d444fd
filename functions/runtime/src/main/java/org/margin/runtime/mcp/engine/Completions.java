package org.margin.runtime.mcp.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.margin.runtime.mcp.completion.Completion;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Serves {@code completion/complete}; an argument without a completer gets no suggestions. */
final class Completions {

    /** The most values one completion result may carry. */
    private static final int MAX_VALUES = 100;

    private final Map<String, Completion> completions;

    Completions(Map<String, Completion> completions) {
        this.completions = completions;
    }

    ObjectNode complete(ObjectNode params, Conversation conversation) {
        ObjectNode ref = Params.optionalObject(params, "ref");
        String type = Params.requiredString(ref, "type");
        String reference = switch (type) {
            case "ref/prompt" -> Params.requiredString(ref, "name");
            case "ref/resource" -> Params.requiredString(ref, "uri");
            default -> throw new McpException(
                    JsonRpcError.invalidParams("unknown ref type; use ref/prompt or ref/resource"));
        };
        ObjectNode argument = Params.optionalObject(params, "argument");
        String name = Params.requiredString(argument, "name");
        String value = Params.requiredString(argument, "value");
        Map<String, String> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : Params.optionalObject(Params.optionalObject(params, "context"),
                "arguments").properties()) {
            context.put(entry.getKey(), entry.getValue().asString(""));
        }
        Completion completion = completions.get(Completion.key(type, reference, name));
        List<String> values = completion == null ? List.of() : completion.completer().complete(value, context);
        ObjectNode result = Json.object();
        ObjectNode body = result.putObject("completion");
        ArrayNode array = body.putArray("values");
        values.stream().limit(MAX_VALUES).forEach(array::add);
        body.put("total", values.size());
        body.put("hasMore", values.size() > MAX_VALUES);
        ToolCalls.complete(result, conversation);
        return result;
    }
}
