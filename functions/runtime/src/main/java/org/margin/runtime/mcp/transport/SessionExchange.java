package org.margin.runtime.mcp.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.margin.runtime.auth.Caller;

import org.margin.runtime.mcp.engine.Conversation;
import org.margin.runtime.mcp.engine.McpEngine;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.protocol.Envelopes;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.JsonRpcMessage;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.protocol.Revision;
import org.margin.runtime.mcp.session.SessionState;
import org.margin.runtime.mcp.session.SessionStore;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import tools.jackson.databind.JsonNode;

/**
 * Serves 2025-11-25 (and 2025-06-18) traffic: the initialize handshake, requests within a session, the
 * client's replies to server-to-client requests, and session termination. Session state lives in the
 * {@link SessionStore}, so any instance can serve a session's next request.
 */
final class SessionExchange {

    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

    private final McpEngine engine;
    private final SessionStore sessions;
    private final Duration idleTimeout;
    private final Duration replyTimeout;
    private final Clock clock;
    private final ResumableStreams streams;
    private final InFlightRequests inFlight = new InFlightRequests();

    SessionExchange(McpEngine engine, SessionStore sessions, Duration idleTimeout, Duration replyTimeout, Clock clock) {
        this.engine = engine;
        this.sessions = sessions;
        this.idleTimeout = idleTimeout;
        this.replyTimeout = replyTimeout;
        this.clock = clock;
        this.streams = new ResumableStreams(clock, replyTimeout, sessions);
    }

    void serve(JsonRpcMessage message, byte[] body, Headers headers, ServerResponse response, Optional<Caller> caller) {
        String sessionId = McpHeaders.value(headers, McpHeaders.SESSION_ID);
        if (sessionId == null) {
            if (message instanceof JsonRpcMessage.Request request && request.method().equals("initialize")) {
                initialize(request, response, caller);
                return;
            }
            throw new McpException(JsonRpcError.invalidRequest("the Mcp-Session-Id header is required after initialize"));
        }
        SessionState session = owned(sessionId, caller);
        String version = McpHeaders.value(headers, McpHeaders.PROTOCOL_VERSION);
        if (version != null && Revision.of(version).filter(revision -> !revision.stateless()).isEmpty()) {
            throw new McpException(JsonRpcError.invalidRequest("unsupported MCP-Protocol-Version for this session"));
        }
        switch (message) {
            case JsonRpcMessage.Response reply -> {
                sessions.deliverReply(sessionId, reply.id().asString(), body);
                accepted(response);
            }
            case JsonRpcMessage.Notification notification -> {
                if (notification.method().equals("notifications/cancelled")) {
                    inFlight.cancel(sessionId, notification.params().get("requestId"));
                }
                accepted(response);
            }
            case JsonRpcMessage.Request request -> {
                if (request.method().equals("initialize")) {
                    throw new McpException(JsonRpcError.invalidRequest("the session is already initialized"));
                }
                serveRequest(request, keepAlive(session), headers, response, caller);
            }
        }
    }

    /**
     * Continues a response stream the server closed early, on a GET with {@code Last-Event-ID}; returns when the
     * stream ends.
     *
     * @return whether the event id named a stream of this session that this instance still holds
     */
    boolean resume(String sessionId, String lastEventId, ServerResponse response, Optional<Caller> caller)
            throws InterruptedException {
        owned(sessionId, caller);
        int dash = lastEventId.lastIndexOf('-');
        if (dash <= 0) {
            return false;
        }
        long lastEvent;
        try {
            lastEvent = Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException notOurs) {
            return false;
        }
        String streamId = lastEventId.substring(0, dash);
        EventStream stream = streams.find(streamId, sessionId).orElse(null);
        if (stream == null) {
            return resumeFromStore(sessionId, streamId, lastEvent, response);
        }
        startEventStream(response);
        stream.resume(lastEvent, response.outputStream());
        return true;
    }

    /** Continues a stream that another instance serves, from the events the session store keeps of it. */
    private boolean resumeFromStore(String sessionId, String streamId, long lastEvent, ServerResponse response)
            throws InterruptedException {
        if (!sessions.keepsStream(sessionId, streamId)) {
            return false;
        }
        startEventStream(response);
        try (OutputStream connection = response.outputStream()) {
            sessions.replayStream(sessionId, streamId, lastEvent, event -> {
                try {
                    connection.write(event);
                    connection.flush();
                    return true;
                } catch (IOException gone) {
                    return false;
                }
            }, replyTimeout);
        } catch (IOException alreadyGone) {
            // The client left; it resumes again from the last event it saw.
        }
        return true;
    }

    private static void startEventStream(ServerResponse response) {
        response.status(Status.OK_200);
        response.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        response.header(McpHeaders.ACCEL_BUFFERING, "no");
    }

    /** Ends a session on DELETE. */
    void terminate(String sessionId, Optional<Caller> caller) {
        owned(sessionId, caller);
        sessions.remove(sessionId);
    }

    /**
     * The session {@code sessionId} if {@code caller} opened it. Another subject gets the same 404 as for an unknown
     * session: it learns nothing about the session, and its client simply starts one of its own.
     */
    private SessionState owned(String sessionId, Optional<Caller> caller) {
        SessionState session = sessions.get(sessionId).orElseThrow(SessionExchange.UnknownSession::new);
        if (!session.owner().equals(ownerOf(caller))) {
            throw new UnknownSession();
        }
        return session;
    }

    private static String ownerOf(Optional<Caller> caller) {
        return caller.map(Caller::subjectDigest).orElse("");
    }

    private void initialize(JsonRpcMessage.Request request, ServerResponse response, Optional<Caller> caller) {
        JsonNode requested = request.params().get("protocolVersion");
        if (requested == null || !requested.isString()) {
            throw new McpException(JsonRpcError.invalidParams("'protocolVersion' must be a string"));
        }
        Revision revision = Revision.of(requested.asString())
                .filter(candidate -> !candidate.stateless())
                .orElse(Revision.V2025_11_25);
        Set<ClientCapability> capabilities = ClientCapability.declaredIn(request.params().get("capabilities"));
        byte[] idBytes = new byte[32];
        Randomness.SOURCE.nextBytes(idBytes);
        SessionState session = new SessionState(IDS.encodeToString(idBytes), revision.wire(), capabilities,
                LogLevel.DEBUG, Set.of(), clock.millis() + idleTimeout.toMillis(), ownerOf(caller));
        sessions.put(session);
        response.header(McpHeaders.SESSION_ID, session.id());
        response.status(Status.OK_200);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(Envelopes.result(request.id(), engine.initializeResult(revision)));
    }

    private void serveRequest(JsonRpcMessage.Request request, SessionState session, Headers headers,
                              ServerResponse response, Optional<Caller> caller) {
        ResponseChannel channel = ResponseChannel.inSession(response, McpHeaders.accepts(headers, "text/event-stream"),
                sessions, session.id(), replyTimeout, streamId(), streams);
        byte[] reply;
        inFlight.track(session.id(), request.id(), channel);
        try {
            reply = answer(request, session, channel, caller);
        } catch (RuntimeException failure) {
            // Whatever a handler throws on its way out of a cancellation is that cancellation, not a fault to report.
            if (!channel.settle()) {
                throw failure;
            }
            channel.finishCancelled();
            return;
        } finally {
            inFlight.untrack(session.id(), request.id(), channel);
        }
        channel.finish(Status.OK_200, reply);
    }

    private byte[] answer(JsonRpcMessage.Request request, SessionState session, ResponseChannel channel,
                          Optional<Caller> caller) {
        try {
            JsonNode meta = request.params().get("_meta");
            JsonNode progressToken = meta == null ? null : meta.get("progressToken");
            Conversation conversation = new Conversation(Revision.of(session.protocolVersion()).orElseThrow(),
                    session.clientCapabilities(), progressToken, session.logLevel(), session, channel, caller);
            return Envelopes.result(request.id(), engine.handle(request.method(), request.params(), conversation));
        } catch (McpException failed) {
            return Envelopes.error(request.id(), failed.error());
        }
    }

    /** Extends an idle session's life, writing to the store only once half of it has passed. */
    private SessionState keepAlive(SessionState session) {
        long now = clock.millis();
        if (session.expiresAtMillis() - now < idleTimeout.toMillis() / 2) {
            SessionState renewed = session.withExpiry(now + idleTimeout.toMillis());
            sessions.put(renewed);
            return renewed;
        }
        return session;
    }

    private String streamId() {
        byte[] bytes = new byte[6];
        Randomness.SOURCE.nextBytes(bytes);
        return IDS.encodeToString(bytes);
    }

    private static void accepted(ServerResponse response) {
        response.status(Status.ACCEPTED_202);
        response.send();
    }

    /** The session named by Mcp-Session-Id is unknown or expired: HTTP 404, so the client starts anew. */
    static final class UnknownSession extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownSession() {
            super("Session not found", null, false, false);
        }
    }

    static byte[] unknownSessionBody(JsonNode id) {
        return Envelopes.error(id, new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Session not found or expired", null));
    }

    /**
     * Created on the first session rather than at start-up: loading the security providers behind SecureRandom
     * costs tens of milliseconds of a cold start that stateless requests never need.
     */
    private static final class Randomness {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}
