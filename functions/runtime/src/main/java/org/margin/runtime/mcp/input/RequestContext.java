package org.margin.runtime.mcp.input;

import java.util.Optional;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.outcome.InputRequired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a tool or prompt handler sees of the request it serves, the same in both revisions.
 */
public interface RequestContext {

    /** The arguments, already validated against the tool's input schema; empty when the client sent none. */
    ObjectNode arguments();

    /** Who is asking, from the request's validated access token; empty when the endpoint authenticates no one. */
    Optional<Caller> caller();

    /**
     * The client's answer to the input request the handler made under {@code key} in an earlier round: an
     * {@code ElicitResult}, a {@code CreateMessageResult} or a {@code ListRootsResult}.
     */
    Optional<JsonNode> inputResponse(String key);

    /** What the handler returned as {@link InputRequired#state()} in the previous round; empty in the first. */
    ObjectNode state();

    /** Whether the client declared {@code capability}, so that asking it for such input can succeed. */
    boolean clientSupports(ClientCapability capability);

    /**
     * Reports progress if the client asked for it; otherwise does nothing.
     *
     * @param total   the total, or {@code null} if unknown
     * @param message a short human-readable note, or {@code null}
     */
    void progress(double progress, Double total, String message);

    /**
     * Ends the response stream now: a 2025-11-25 client reconnects and receives everything sent afterwards, the
     * result included. The POST's exchange itself still completes only when the handler returns (Helidon 4.5 offers
     * no earlier commit; see the module README). Does nothing while the response is plain JSON or in 2026-07-28,
     * where a closed stream would cancel the request.
     */
    void releaseConnection();

    /** Sends a log message to the client if it asked for messages of this level; otherwise does nothing. */
    void log(LogLevel level, String logger, JsonNode data);
}
