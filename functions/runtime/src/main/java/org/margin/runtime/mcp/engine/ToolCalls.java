package org.margin.runtime.mcp.engine;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.margin.runtime.auth.InsufficientScope;
import org.margin.runtime.mcp.content.Content;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.telemetry.ToolCallObserver;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Serves {@code tools/call}: finds the tool, validates arguments and results, runs the rounds, observes. */
final class ToolCalls {

    private static final System.Logger LOG = System.getLogger(ToolCalls.class.getName());

    private final Map<String, Tool> tools;
    private final Map<String, SchemaCheck> inputChecks = new ConcurrentHashMap<>();
    private final Map<String, SchemaCheck> outputChecks = new ConcurrentHashMap<>();
    private final Rounds rounds;
    private final ToolCallObserver observer;

    ToolCalls(Map<String, Tool> tools, Rounds rounds, ToolCallObserver observer) {
        this.tools = tools;
        this.rounds = rounds;
        this.observer = observer;
        tools.values().forEach(tool -> {
            inputChecks.put(tool.name(), new SchemaCheck(tool.inputSchema()));
            if (tool.outputSchema() != null) {
                outputChecks.put(tool.name(), new SchemaCheck(tool.outputSchema()));
            }
        });
    }

    /** Compiles every tool's schemas, so that the first calls find them ready. */
    void prepare() {
        inputChecks.values().forEach(SchemaCheck::prepare);
        outputChecks.values().forEach(SchemaCheck::prepare);
    }

    ObjectNode call(ObjectNode params, Conversation conversation) {
        String name = Params.requiredString(params, "name");
        Tool tool = tools.get(name);
        if (tool == null) {
            throw new McpException(
                    JsonRpcError.invalidParams("unknown tool; tools/list names the tools this server offers"));
        }
        conversation.caller().ifPresent(caller -> {
            for (String scope : tool.requiredScopes()) {
                if (!caller.hasScope(scope)) {
                    throw new InsufficientScope(scope);
                }
            }
        });
        ObjectNode arguments = Params.optionalObject(params, "arguments");
        try (ToolCallObserver.ToolCall observed = observer.start(name)) {
            List<String> problems = inputChecks.get(name).problems(arguments);
            if (!problems.isEmpty()) {
                observed.failed("invalid_arguments");
                return toolError("Invalid arguments: " + String.join("; ", problems), conversation);
            }
            Rounds.End<ToolOutcome> end;
            try {
                end = rounds.run("tools/call:" + name, params, arguments, conversation,
                        context -> tool.handler().call(context));
            } catch (Exception failure) {
                throw failed(name, failure, conversation, observed);
            }
            if (conversation.channel().cancelled()) {
                // The handler finished in spite of the interruption; the client no longer wants its outcome.
                observed.failed("cancelled");
                throw new RequestCancelled();
            }
            return switch (end) {
                case Rounds.AskedClient<ToolOutcome> asked -> asked.inputRequiredResult();
                case Rounds.Finished<ToolOutcome> finished -> switch (finished.outcome()) {
                    case ToolResult result -> success(tool, result, conversation, observed);
                    case ToolError error -> {
                        observed.failed("tool_error");
                        yield toolError(error.message(), conversation);
                    }
                    case InputRequired unreachable -> throw new IllegalStateException("rounds end with input");
                    case null -> {
                        observed.failed("internal_error");
                        LOG.log(System.Logger.Level.ERROR, "Tool {0} returned no outcome", name);
                        throw new McpException(JsonRpcError.internal());
                    }
                };
            };
        }
    }

    /** What a handler's failure becomes for the client, recorded by its kind. */
    private static RuntimeException failed(String name, Exception failure, Conversation conversation,
                                           ToolCallObserver.ToolCall observed) {
        if (conversation.channel().cancelled()) {
            // Whatever the interrupted handler threw on its way out is the cancellation, not a fault of the tool.
            observed.failed("cancelled");
            return new RequestCancelled();
        }
        return switch (failure) {
            case McpException rejected -> {
                observed.failed(rejected.error().code() == JsonRpcError.REQUEST_TIMEOUT ? "timeout" : "protocol_error");
                yield rejected;
            }
            case UncheckedIOException clientGone -> {
                observed.failed("cancelled");
                yield clientGone;
            }
            default -> {
                observed.failed("internal_error");
                LOG.log(System.Logger.Level.ERROR, "Tool {0} failed with {1}", name, failure.getClass().getName());
                yield new McpException(JsonRpcError.internal());
            }
        };
    }

    private ObjectNode success(Tool tool, ToolResult result, Conversation conversation,
                               ToolCallObserver.ToolCall observed) {
        SchemaCheck outputCheck = outputChecks.get(tool.name());
        if (outputCheck != null) {
            if (result.structuredContent() == null || !outputCheck.problems(result.structuredContent()).isEmpty()) {
                observed.failed("invalid_output");
                LOG.log(System.Logger.Level.ERROR, "Tool {0} returned structured content that breaks its output schema",
                        tool.name());
                throw new McpException(JsonRpcError.internal());
            }
        }
        ObjectNode node = Json.object();
        ArrayNode content = node.putArray("content");
        result.content().forEach(block -> content.add(block.toJson()));
        if (result.structuredContent() != null) {
            content.add(Content.text(Json.MAPPER.writeValueAsString(result.structuredContent())).toJson());
            node.set("structuredContent", result.structuredContent());
        }
        complete(node, conversation);
        return node;
    }

    private static ObjectNode toolError(String message, Conversation conversation) {
        ObjectNode node = Json.object();
        node.putArray("content").add(Content.text(message).toJson());
        node.put("isError", true);
        complete(node, conversation);
        return node;
    }

    static void complete(ObjectNode result, Conversation conversation) {
        if (conversation.stateless()) {
            result.put("resultType", "complete");
        }
    }
}
