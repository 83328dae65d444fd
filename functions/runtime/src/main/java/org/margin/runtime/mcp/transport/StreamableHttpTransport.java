package org.margin.runtime.mcp.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.margin.runtime.auth.Authentication;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.InsufficientScope;
import org.margin.runtime.auth.ResourceServer;
import org.margin.runtime.http.Problem;
import org.margin.runtime.mcp.engine.McpEngine;
import org.margin.runtime.mcp.protocol.Envelopes;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.JsonRpcMessage;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.protocol.Revision;
import org.margin.runtime.mcp.session.SessionStore;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The MCP endpoint over Streamable HTTP, both revisions on one path: checks what every request must satisfy
 * (origin, media types, size, JSON-RPC shape), then hands it to the revision it speaks. Client mistakes get a
 * 4xx with a JSON-RPC error saying why; nothing leaks a stack trace.
 */
public final class StreamableHttpTransport {

    /** Failures are logged by type and place only: a message could quote the request. */
    private static final System.Logger LOG = System.getLogger(StreamableHttpTransport.class.getName());
    private static final String ALLOW = "GET, POST, DELETE";

    private final OriginGuard guard;
    private final int maxRequestBytes;
    private final StatelessExchange stateless;
    private final SessionExchange sessions;

    private final ResourceServer resourceServer;

    /**
     * @param resourceServer checks every request's access token before anything else; {@code null} serves
     *                       everyone (the conformance fixture), so a function's endpoint always has one
     */
    public StreamableHttpTransport(McpEngine engine, SessionStore store, OriginGuard guard, int maxRequestBytes,
                                   Duration sessionIdleTimeout, Duration replyTimeout, Clock clock,
                                   ResourceServer resourceServer) {
        this.resourceServer = resourceServer;
        this.guard = guard;
        this.maxRequestBytes = maxRequestBytes;
        this.stateless = new StatelessExchange(engine);
        this.sessions = new SessionExchange(engine, store, sessionIdleTimeout, replyTimeout, clock);
    }

    public void handle(ServerRequest request, ServerResponse response) {
        JsonNode requestId = null;
        try {
            Headers headers = request.headers();
            String refusal = guard.refusal(headers);
            if (refusal != null) {
                reject(response, Status.FORBIDDEN_403, null, JsonRpcError.invalidRequest(refusal));
                return;
            }
            Optional<Caller> caller = Optional.empty();
            if (resourceServer != null) {
                switch (resourceServer.authenticate(headers.all(HeaderNames.AUTHORIZATION, List::of),
                        request.query().rawValue())) {
                    case Authentication.Refused refused -> {
                        refuse(response, refused);
                        return;
                    }
                    case Authentication.Authenticated authenticated -> caller = Optional.of(authenticated.caller());
                }
            }
            switch (request.prologue().method().text()) {
                case "POST" -> {
                    requestId = post(request, response, caller);
                }
                case "DELETE" -> delete(headers, response, caller);
                case "GET" -> get(headers, response, caller);
                default -> {
                    response.header(HeaderNames.ALLOW, ALLOW);
                    reject(response, Status.METHOD_NOT_ALLOWED_405, null, JsonRpcError.invalidRequest(
                            "the MCP endpoint accepts POST, GET to resume a stream, and DELETE"));
                }
            }
        } catch (McpException failed) {
            reject(response, Statuses.of(failed.error()), requestId, failed.error());
        } catch (SessionExchange.UnknownSession unknown) {
            reject(response, Status.NOT_FOUND_404, requestId,
                    new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Session not found or expired", null));
        } catch (UncheckedIOException gone) {
            LOG.log(System.Logger.Level.DEBUG, "Client went away during an MCP response");
        } catch (RuntimeException bug) {
            StackTraceElement[] trace = bug.getStackTrace();
            LOG.log(System.Logger.Level.ERROR, "MCP request failed with {0} at {1}", bug.getClass().getName(),
                    trace.length == 0 ? "an unknown place" : trace[0]);
            reject(response, Status.INTERNAL_SERVER_ERROR_500, requestId, JsonRpcError.internal());
        }
    }

    /** Serves a POST; returns the request's id once known, for error responses. */
    private JsonNode post(ServerRequest request, ServerResponse response, Optional<Caller> caller) {
        Headers headers = request.headers();
        if (!McpHeaders.jsonContent(headers)) {
            reject(response, Status.UNSUPPORTED_MEDIA_TYPE_415, null,
                    JsonRpcError.invalidRequest("Content-Type must be application/json"));
            return null;
        }
        if (!McpHeaders.accepts(headers, "application/json") && !McpHeaders.accepts(headers, "text/event-stream")) {
            reject(response, Status.NOT_ACCEPTABLE_406, null,
                    JsonRpcError.invalidRequest("Accept must list application/json and text/event-stream"));
            return null;
        }
        byte[] body;
        try {
            body = RequestBody.read(request, maxRequestBytes);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (body == null) {
            reject(response, Status.REQUEST_ENTITY_TOO_LARGE_413, null,
                    JsonRpcError.invalidRequest("the body exceeds " + maxRequestBytes + " bytes"));
            return null;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException malformed) {
            throw new McpException(JsonRpcError.parseError("the body is not valid JSON"));
        }
        if (node == null || node.isMissingNode()) {
            throw new McpException(JsonRpcError.parseError("the body is empty"));
        }
        JsonNode id = JsonRpcMessage.idOf(node);
        try {
            JsonRpcMessage message = JsonRpcMessage.of(node);
            if (speaksSessions(headers, message)) {
                sessions.serve(message, body, headers, response, caller);
            } else {
                stateless.serve(message, headers, response, caller);
            }
        } catch (McpException failed) {
            reject(response, Statuses.of(failed.error()), id, failed.error());
        } catch (InsufficientScope lacking) {
            response.header(HeaderNames.WWW_AUTHENTICATE, resourceServer.insufficientScopeChallenge(lacking.scope()));
            reject(response, Status.FORBIDDEN_403, id, JsonRpcError.invalidRequest(
                    "the access token lacks the scope '" + lacking.scope() + "' this tool requires"));
        } catch (SessionExchange.UnknownSession unknown) {
            reject(response, Status.NOT_FOUND_404, id,
                    new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Session not found or expired", null));
        }
        return id;
    }

    /**
     * Whether a message belongs to the session-based revisions: it carries a session, opens one, or names a
     * session-based version. Everything else is judged by 2026-07-28's rules.
     */
    private static boolean speaksSessions(Headers headers, JsonRpcMessage message) {
        String version = McpHeaders.value(headers, McpHeaders.PROTOCOL_VERSION);
        if (version != null) {
            return Revision.of(version).map(revision -> !revision.stateless()).orElse(false);
        }
        return headers.contains(McpHeaders.SESSION_ID)
                || message instanceof JsonRpcMessage.Request request && request.method().equals("initialize");
    }

    /** GET resumes a 2025-11-25 response stream by its Last-Event-ID; the endpoint has no standalone stream. */
    private void get(Headers headers, ServerResponse response, Optional<Caller> caller) {
        String sessionId = McpHeaders.value(headers, McpHeaders.SESSION_ID);
        String lastEventId = McpHeaders.value(headers, McpHeaders.LAST_EVENT_ID);
        if (sessionId != null && lastEventId != null) {
            try {
                if (sessions.resume(sessionId, lastEventId, response, caller)) {
                    return;
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            reject(response, Status.NOT_FOUND_404, null,
                    JsonRpcError.invalidRequest("Last-Event-ID names no stream this server can resume"));
            return;
        }
        response.header(HeaderNames.ALLOW, "POST, DELETE");
        reject(response, Status.METHOD_NOT_ALLOWED_405, null, JsonRpcError.invalidRequest(
                "the MCP endpoint offers no standalone event stream; POST JSON-RPC messages instead"));
    }

    private void delete(Headers headers, ServerResponse response, Optional<Caller> caller) {
        String sessionId = McpHeaders.value(headers, McpHeaders.SESSION_ID);
        String version = McpHeaders.value(headers, McpHeaders.PROTOCOL_VERSION);
        if (sessionId == null || Revision.of(version).filter(Revision::stateless).isPresent()) {
            response.header(HeaderNames.ALLOW, ALLOW);
            reject(response, Status.METHOD_NOT_ALLOWED_405, null,
                    JsonRpcError.invalidRequest("DELETE ends a 2025-11-25 session and needs its Mcp-Session-Id"));
            return;
        }
        sessions.terminate(sessionId, caller);
        response.status(Status.OK_200);
        response.send();
    }

    /** A request without a usable token: a problem document and the challenge, before the body is read. */
    private static void refuse(ServerResponse response, Authentication.Refused refused) {
        Status status = Status.create(refused.status());
        if (refused.challenge() != null) {
            response.header(HeaderNames.WWW_AUTHENTICATE, refused.challenge());
        }
        Problem.of(status, refused.slug(), status.reasonPhrase(), refused.detail()).send(response);
    }

    private static void reject(ServerResponse response, Status status, JsonNode id, JsonRpcError error) {
        if (response.isSent()) {
            return;
        }
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(Envelopes.error(id, error));
    }
}
