package org.margin.runtime;

import java.util.List;
import java.util.Objects;

import org.margin.runtime.telemetry.ToolCallObserver;

/**
 * What the runtime hands to the function that builds its MCP endpoint.
 *
 * @param observer           tool-call telemetry, for {@code McpServer.Builder.observer}
 * @param requestStateSecret the key for {@code McpServer.Builder.requestStateSecret}
 * @param allowedOrigins     the origins whose browser pages may call the endpoint ({@code MARGIN_ALLOWED_ORIGINS})
 */
public record McpMount(ToolCallObserver observer, RequestStateSecret requestStateSecret, List<String> allowedOrigins) {

    public McpMount {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(requestStateSecret, "requestStateSecret");
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
