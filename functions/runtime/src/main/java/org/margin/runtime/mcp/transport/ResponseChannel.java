package org.margin.runtime.mcp.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.margin.runtime.mcp.engine.ClientChannel;
import org.margin.runtime.mcp.engine.RequestCancelled;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.session.SessionStore;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response to one POST. It stays a plain JSON response unless something must reach the client before the
 * result (a notification, or a server-to-client request); then it becomes an SSE stream that ends with the
 * result. It is made on the thread that serves the request, which runs the request's handler too: cancelling
 * the request interrupts that thread.
 */
final class ResponseChannel implements ClientChannel {

    /** How long a 2025-11-25 client waits before it reconnects to a stream the server closed early. */
    static final int RETRY_MILLIS = 1000;

    private final ServerResponse response;
    private final boolean streamAccepted;
    private final SessionStore sessions;
    private final String sessionId;
    private final Duration replyTimeout;
    private final String streamId;
    private final ResumableStreams resumable;
    private final Thread worker = Thread.currentThread();
    private EventStream stream;
    private int requests;
    private boolean cancelled;
    private boolean answering;

    /** A response of the stateless revision: no server-to-client requests, no resumption. */
    static ResponseChannel stateless(ServerResponse response, boolean streamAccepted) {
        return new ResponseChannel(response, streamAccepted, null, null, Duration.ZERO, "s", null);
    }

    /** A response within a 2025-11-25 session: it may ask the client, and its stream can be resumed. */
    static ResponseChannel inSession(ServerResponse response, boolean streamAccepted, SessionStore sessions,
                                     String sessionId, Duration replyTimeout, String streamId,
                                     ResumableStreams resumable) {
        return new ResponseChannel(response, streamAccepted, sessions, sessionId, replyTimeout, streamId, resumable);
    }

    private ResponseChannel(ServerResponse response, boolean streamAccepted, SessionStore sessions, String sessionId,
                            Duration replyTimeout, String streamId, ResumableStreams resumable) {
        this.response = response;
        this.streamAccepted = streamAccepted;
        this.sessions = sessions;
        this.sessionId = sessionId;
        this.replyTimeout = replyTimeout;
        this.streamId = streamId;
        this.resumable = resumable;
    }

    @Override
    public synchronized void notify(ObjectNode notification) {
        if (streamAccepted && !cancelled) {
            stream().send(Json.bytes(notification));
        }
    }

    @Override
    public synchronized void release() {
        if (streamAccepted && resumable != null && !cancelled) {
            stream().release();
        }
    }

    @Override
    public Map<String, JsonNode> ask(Map<String, InputRequest> inputRequests) {
        if (sessionId == null || !streamAccepted) {
            throw new McpException(JsonRpcError.invalidRequest(
                    "answering this request needs input from the client over an event stream; accept text/event-stream"));
        }
        Map<String, String> requestIds = new LinkedHashMap<>();
        List<CompletableFuture<byte[]>> replies = new ArrayList<>();
        synchronized (this) {
            if (cancelled) {
                throw new RequestCancelled();
            }
            for (Map.Entry<String, InputRequest> entry : inputRequests.entrySet()) {
                String requestId = streamId + "-q" + (++requests);
                requestIds.put(entry.getKey(), requestId);
                replies.add(sessions.expectReply(sessionId, requestId));
                ObjectNode message = Json.object();
                message.put("jsonrpc", "2.0");
                message.put("id", requestId);
                message.put("method", entry.getValue().method());
                message.set("params", entry.getValue().params());
                stream().send(Json.bytes(message));
            }
        }
        try {
            return awaitReplies(requestIds, replies);
        } finally {
            requestIds.values().forEach(requestId -> sessions.abandonReply(sessionId, requestId));
        }
    }

    private Map<String, JsonNode> awaitReplies(Map<String, String> requestIds, List<CompletableFuture<byte[]>> replies) {
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        int index = 0;
        for (String key : requestIds.keySet()) {
            JsonNode reply;
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                reply = Json.MAPPER.readTree(replies.get(index++).get(remaining, TimeUnit.NANOSECONDS));
            } catch (TimeoutException | CancellationException late) {
                throw new McpException(new JsonRpcError(JsonRpcError.REQUEST_TIMEOUT, "Timed out waiting for the client's answer to '" + key + "'", null));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                if (cancelled()) {
                    throw new RequestCancelled();
                }
                throw new McpException(JsonRpcError.internal());
            } catch (ExecutionException impossible) {
                throw new McpException(JsonRpcError.internal());
            }
            if (!(reply.get("result") instanceof ObjectNode result)) {
                throw new McpException(JsonRpcError.invalidRequest(
                        "the client answered input request '" + key + "' with an error"));
            }
            answers.put(key, result);
        }
        return answers;
    }

    @Override
    public synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * The client cancelled the request: interrupts its handler, so that a wait or blocking I/O ends, and sends
     * nothing more for it. Once the answer is being written this does nothing, and the answer goes out whole.
     * Every write holds this monitor too, so the interrupt never lands in a write to the client's connection
     * (interrupting a thread in socket I/O closes the socket).
     */
    synchronized void cancel() {
        if (!answering && !cancelled) {
            cancelled = true;
            worker.interrupt();
        }
    }

    /**
     * From now on the request's outcome stands and a cancellation is ignored, so that no interrupt reaches the
     * writing of an answer.
     *
     * @return whether the client cancelled the request before
     */
    synchronized boolean settle() {
        answering = true;
        return cancelled;
    }

    /**
     * Ends the response with a final JSON-RPC message: as the last event of a stream, or as a JSON body; or without
     * it if the client cancelled the request meanwhile.
     */
    synchronized void finish(Status status, byte[] message) {
        if (settle()) {
            finishCancelled();
            return;
        }
        if (stream != null) {
            stream.finish(message, resumable == null ? 0 : resumable.now());
            return;
        }
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(message);
    }

    /**
     * Ends the response of a cancelled request without a JSON-RPC message, as the spec wants no response to it. A
     * stream just ends. A response still plain becomes an empty stream: a request is answered with a stream or with
     * one JSON message, and only a stream may end without the response. A client that takes no stream gets 204.
     */
    synchronized void finishCancelled() {
        settle();
        // The interrupt has done its work; left pending, it would close the connection at the next write.
        Thread.interrupted();
        if (stream != null) {
            stream.end(resumable == null ? 0 : resumable.now());
        } else if (streamAccepted) {
            response.status(Status.OK_200);
            response.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
            response.header(HeaderNames.CACHE_CONTROL, "no-cache");
            response.send();
        } else {
            response.status(Status.NO_CONTENT_204);
            response.send();
        }
    }

    private EventStream stream() {
        if (stream == null) {
            response.status(Status.OK_200);
            response.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
            response.header(HeaderNames.CACHE_CONTROL, "no-cache");
            response.header(McpHeaders.ACCEL_BUFFERING, "no");
            stream = resumable == null ? new EventStream(streamId, null, false) : resumable.open(streamId, sessionId);
            stream.open(response.outputStream(), RETRY_MILLIS);
        }
        return stream;
    }
}
