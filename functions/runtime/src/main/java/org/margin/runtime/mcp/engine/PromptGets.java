package org.margin.runtime.mcp.engine;

import java.io.UncheckedIOException;
import java.util.Map;

import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.prompt.Prompt;
import org.margin.runtime.mcp.prompt.PromptArgument;
import org.margin.runtime.mcp.outcome.PromptOutcome;
import org.margin.runtime.mcp.outcome.PromptResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Serves {@code prompts/get}. */
final class PromptGets {

    private static final System.Logger LOG = System.getLogger(PromptGets.class.getName());

    private final Map<String, Prompt> prompts;
    private final Rounds rounds;

    PromptGets(Map<String, Prompt> prompts, Rounds rounds) {
        this.prompts = prompts;
        this.rounds = rounds;
    }

    ObjectNode get(ObjectNode params, Conversation conversation) {
        String name = Params.requiredString(params, "name");
        Prompt prompt = prompts.get(name);
        if (prompt == null) {
            throw new McpException(
                    JsonRpcError.invalidParams("unknown prompt; prompts/list names the prompts this server offers"));
        }
        ObjectNode arguments = Params.optionalObject(params, "arguments");
        for (Map.Entry<String, JsonNode> argument : arguments.properties()) {
            if (!argument.getValue().isString()) {
                throw new McpException(JsonRpcError.invalidParams("prompt arguments must be strings"));
            }
        }
        for (PromptArgument declared : prompt.arguments()) {
            if (declared.required() && !arguments.has(declared.name())) {
                throw new McpException(JsonRpcError.invalidParams(
                        "missing required prompt argument '" + declared.name() + "'"));
            }
        }
        Rounds.End<PromptOutcome> end;
        try {
            end = rounds.run("prompts/get:" + name, params, arguments, conversation,
                    context -> prompt.handler().get(context));
        } catch (McpException | UncheckedIOException passedOn) {
            throw passedOn;
        } catch (Exception failure) {
            if (conversation.channel().cancelled()) {
                // Whatever the interrupted handler threw on its way out is the cancellation, not a fault to log.
                throw new RequestCancelled();
            }
            LOG.log(System.Logger.Level.ERROR, "Prompt {0} failed with {1}", name, failure.getClass().getName());
            throw new McpException(JsonRpcError.internal());
        }
        return switch (end) {
            case Rounds.AskedClient<PromptOutcome> asked -> asked.inputRequiredResult();
            case Rounds.Finished<PromptOutcome> finished -> switch (finished.outcome()) {
                case PromptResult result -> toJson(result, conversation);
                case InputRequired unreachable -> throw new IllegalStateException("rounds end with input");
                case null -> {
                    LOG.log(System.Logger.Level.ERROR, "Prompt {0} returned no outcome", name);
                    throw new McpException(JsonRpcError.internal());
                }
            };
        };
    }

    private static ObjectNode toJson(PromptResult result, Conversation conversation) {
        ObjectNode node = Json.object();
        if (result.description() != null) {
            node.put("description", result.description());
        }
        ArrayNode messages = node.putArray("messages");
        result.messages().forEach(message -> messages.add(message.toJson()));
        ToolCalls.complete(node, conversation);
        return node;
    }
}
