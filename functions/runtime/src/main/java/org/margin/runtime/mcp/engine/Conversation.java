package org.margin.runtime.mcp.engine;

import java.util.Optional;
import java.util.Set;

import org.margin.runtime.auth.Caller;

import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.protocol.Revision;
import org.margin.runtime.mcp.session.SessionState;

import tools.jackson.databind.JsonNode;

/**
 * What the engine knows about the client while serving one request.
 *
 * @param revision      the revision the request speaks
 * @param capabilities  the client's declared capabilities
 * @param progressToken the request's progress token, or {@code null}
 * @param logThreshold  the least severe log level the client wants, or {@code null} for none
 * @param session       the 2025-11-25 session, or {@code null} in 2026-07-28
 * @param channel       the way back to the client
 * @param caller        who is asking, from the request's access token; empty when the endpoint authenticates no one
 */
public record Conversation(Revision revision, Set<ClientCapability> capabilities, JsonNode progressToken,
                           LogLevel logThreshold, SessionState session, ClientChannel channel,
                           Optional<Caller> caller) {

    public boolean stateless() {
        return revision.stateless();
    }
}
