package org.margin.runtime.mcp.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a handler until it stops asking for input. In 2026-07-28 a request for input ends the HTTP request with
 * an {@code input_required} result whose sealed {@code requestState} brings the handler's state back with the
 * client's retry; in 2025-11-25 the engine asks the client on the response stream and calls the handler again.
 */
final class Rounds {

    /** More rounds than any sensible dialogue; stops a handler that never finishes. */
    private static final int MAX_ROUNDS = 16;

    private final RequestStateCodec codec;

    Rounds(RequestStateCodec codec) {
        this.codec = codec;
    }

    /** A handler of one kind of request. */
    @FunctionalInterface
    interface Handler<O> {
        O handle(HandlerContext context) throws Exception;
    }

    /** How the rounds ended: the handler's final outcome, or (2026-07-28) the {@code input_required} result. */
    sealed interface End<O> {
    }

    record Finished<O>(O outcome) implements End<O> {
    }

    record AskedClient<O>(ObjectNode inputRequiredResult) implements End<O> {
    }

    <O> End<O> run(String request, ObjectNode params, ObjectNode arguments, Conversation conversation,
                   Handler<O> handler) throws Exception {
        // A sealed state is good for the caller it was issued to only.
        String target = conversation.caller().map(caller -> request + "@" + caller.subjectDigest()).orElse(request);
        Start start = conversation.stateless() ? resume(target, params) : new Start(0, Map.of(), Json.object());
        int round = start.round();
        Map<String, JsonNode> responses = start.responses();
        ObjectNode state = start.state();
        while (true) {
            O outcome = handler.handle(new HandlerContext(arguments, responses, state, conversation));
            if (!(outcome instanceof InputRequired required)) {
                return new Finished<>(outcome);
            }
            requireCapabilities(required, conversation.capabilities());
            round++;
            if (round > MAX_ROUNDS) {
                throw new McpException(JsonRpcError.invalidRequest("too many rounds of input for one request"));
            }
            if (conversation.stateless()) {
                return new AskedClient<>(inputRequiredResult(target, round, required));
            }
            responses = conversation.channel().ask(required.requests());
            state = required.state();
        }
    }

    private record Start(int round, Map<String, JsonNode> responses, ObjectNode state) {
    }

    /** Reads {@code inputResponses} and {@code requestState} of a 2026-07-28 retry. */
    private Start resume(String target, ObjectNode params) {
        JsonNode responsesNode = params.get("inputResponses");
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        if (responsesNode != null) {
            if (!responsesNode.isObject()) {
                throw new McpException(JsonRpcError.invalidParams("inputResponses must be an object"));
            }
            for (Map.Entry<String, JsonNode> entry : responsesNode.properties()) {
                if (!entry.getValue().isObject()) {
                    throw new McpException(JsonRpcError.invalidParams(
                            "inputResponses['" + entry.getKey() + "'] must be an object"));
                }
                responses.put(entry.getKey(), entry.getValue());
            }
        }
        JsonNode stateNode = params.get("requestState");
        if (stateNode == null || stateNode.isNull()) {
            return new Start(0, responses, Json.object());
        }
        if (!stateNode.isString()) {
            throw new McpException(JsonRpcError.invalidParams("requestState must be a string"));
        }
        RequestStateCodec.Sealed sealed = codec.open(stateNode.asString(), target);
        responses.keySet().retainAll(sealed.keys());
        return new Start(sealed.round(), responses, sealed.handlerState());
    }

    private static void requireCapabilities(InputRequired required, Set<ClientCapability> declared) {
        List<String> missing = new ArrayList<>();
        for (InputRequest request : required.requests().values()) {
            ClientCapability needed = request.requires();
            if (!declared.contains(needed) && !missing.contains(needed.wire())) {
                missing.add(needed.wire());
            }
        }
        if (!missing.isEmpty()) {
            throw new McpException(JsonRpcError.missingCapabilities(missing));
        }
    }

    private ObjectNode inputRequiredResult(String target, int round, InputRequired required) {
        ObjectNode result = Json.object();
        result.put("resultType", "input_required");
        ObjectNode requests = result.putObject("inputRequests");
        required.requests().forEach((key, request) -> {
            ObjectNode entry = requests.putObject(key);
            entry.put("method", request.method());
            entry.set("params", request.params());
        });
        result.put("requestState", codec.seal(new RequestStateCodec.Sealed(
                target, round, List.copyOf(required.requests().keySet()), required.state())));
        return result;
    }
}
