package org.margin.runtime;

import java.util.Objects;
import java.util.Set;

import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.ToolCallObserver;

/**
 * What the runtime hands to the function that builds its MCP endpoint.
 *
 * @param observer           tool-call telemetry, for {@code McpServer.Builder.observer}
 * @param requestStateSecret the key for {@code McpServer.Builder.requestStateSecret}
 * @param allowedHosts       the host names the endpoint answers to ({@code MARGIN_ALLOWED_HOSTS}); empty when not
 *                           configured, to keep the engine's loopback default
 * @param allowedOrigins     the origins whose browser pages may call the endpoint ({@code MARGIN_ALLOWED_ORIGINS});
 *                           empty when not configured
 */
public record McpMount(ToolCallObserver observer,
                       RequestStateSecret requestStateSecret,
                       Set<String> allowedHosts,
                       Set<String> allowedOrigins) {

    public McpMount {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(requestStateSecret, "requestStateSecret");
        allowedHosts = Set.copyOf(allowedHosts);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /**
     * Builds a function's MCP endpoint with what the runtime decides: tool-call telemetry, the request-state key,
     * and the hosts and origins it answers (the engine's loopback default unless configured).
     */
    public McpServer endpoint(McpServer.Builder mcp) {
        mcp.observer(observer).requestStateSecret(requestStateSecret.bytes());
        if (!allowedHosts.isEmpty()) {
            mcp.allowedHosts(allowedHosts);
        }
        if (!allowedOrigins.isEmpty()) {
            mcp.allowedOrigins(allowedOrigins);
        }
        return mcp.build();
    }
}
