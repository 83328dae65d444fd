package org.margin.runtime.mcp.engine;

import java.util.Map;

import org.margin.runtime.mcp.input.InputRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The way back to the client while one request is served: its response stream. */
public interface ClientChannel {

    /** Sends a notification about the request being served, if the client can receive one. */
    void notify(ObjectNode notification);

    /**
     * Closes the response stream early to free its connection; a 2025-11-25 client resumes it with
     * {@code Last-Event-ID} and receives everything sent afterwards. A plain JSON response becomes a stream for
     * this; a stateless response is left alone.
     */
    void release();

    /**
     * Sends server-to-client requests and waits for the client's replies (2025-11-25 only).
     *
     * @return each reply's {@code result}, by the key of its request
     * @throws RequestCancelled when the client cancels the request before or while it waits
     */
    Map<String, JsonNode> ask(Map<String, InputRequest> requests);

    /**
     * Whether the client cancelled the request ({@code notifications/cancelled}, 2025-11-25); the thread running its
     * handler has then been interrupted, and nothing more reaches the client about it.
     */
    boolean cancelled();
}
