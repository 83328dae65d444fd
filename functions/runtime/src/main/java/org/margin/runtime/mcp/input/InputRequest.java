package org.margin.runtime.mcp.input;

import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * Something a handler asks of the client before it can finish: in 2026-07-28 it travels inside an
 * {@code input_required} result, in 2025-11-25 as a server-to-client request on the response stream.
 */
public sealed interface InputRequest {

    /** The JSON-RPC method the client answers. */
    String method();

    /** The request's params. */
    ObjectNode params();

    /** The client capability answering it needs. */
    ClientCapability requires();

    /** Asks the user to fill a form described by a flat JSON Schema ({@code elicitation/create}). */
    record Elicitation(String message, ObjectNode requestedSchema) implements InputRequest {
        public Elicitation {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestedSchema, "requestedSchema");
        }

        @Override
        public String method() {
            return "elicitation/create";
        }

        @Override
        public ObjectNode params() {
            ObjectNode params = Json.object();
            params.put("message", message);
            params.set("requestedSchema", requestedSchema);
            return params;
        }

        @Override
        public ClientCapability requires() {
            return ClientCapability.ELICITATION;
        }
    }

    /**
     * Asks the client's model for a completion ({@code sampling/createMessage}).
     *
     * @param params the full {@code CreateMessageRequest} params: messages, maxTokens and options
     */
    record Sampling(ObjectNode params) implements InputRequest {
        public Sampling {
            Objects.requireNonNull(params, "params");
        }

        /** A single user text message with a token budget. */
        public static Sampling of(String userText, int maxTokens) {
            ObjectNode params = Json.object();
            ObjectNode message = params.putArray("messages").addObject();
            message.put("role", "user");
            ObjectNode content = message.putObject("content");
            content.put("type", "text");
            content.put("text", userText);
            params.put("maxTokens", maxTokens);
            return new Sampling(params);
        }

        @Override
        public String method() {
            return "sampling/createMessage";
        }

        @Override
        public ObjectNode params() {
            return params.deepCopy();
        }

        @Override
        public ClientCapability requires() {
            return ClientCapability.SAMPLING;
        }
    }

    /** Asks for the client's filesystem roots ({@code roots/list}). */
    record ListRoots() implements InputRequest {
        @Override
        public String method() {
            return "roots/list";
        }

        @Override
        public ObjectNode params() {
            return Json.object();
        }

        @Override
        public ClientCapability requires() {
            return ClientCapability.ROOTS;
        }
    }
}
