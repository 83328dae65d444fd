package org.margin.runtime.mcp.outcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * A handler's answer when it needs the client's input first. The engine obtains the answers and calls the
 * handler again, with {@code state} as {@link RequestContext#state()} and the answers as
 * {@link RequestContext#inputResponse(String)}.
 *
 * @param requests what to ask, by a key the handler chooses
 * @param state    what the handler needs to remember until it is called again; travels signed through the client
 *                 in 2026-07-28, so keep it small
 */
public record InputRequired(Map<String, InputRequest> requests, ObjectNode state) implements ToolOutcome, PromptOutcome {

    public InputRequired {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("at least one input request");
        }
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        state = state == null ? Json.object() : state;
    }

    public static InputRequired of(String key, InputRequest request) {
        return new InputRequired(Map.of(key, request), null);
    }
}
