package org.margin.runtime;

import java.util.Objects;
import java.util.Set;

import org.margin.runtime.auth.ResourceServer;
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
 * @param resourceServer     checks the access tokens of every request ({@code MARGIN_JWKS_URI} or
 *                           {@code MARGIN_JWKS}, {@code MARGIN_TOKEN_ISSUER}, {@code MARGIN_RESOURCE_URI});
 *                           without that configuration it refuses every request
 */
public record McpMount(ToolCallObserver observer,
                       RequestStateSecret requestStateSecret,
                       Set<String> allowedHosts,
                       Set<String> allowedOrigins,
                       ResourceServer resourceServer) {

    public McpMount {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(requestStateSecret, "requestStateSecret");
        allowedHosts = Set.copyOf(allowedHosts);
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(resourceServer, "resourceServer");
    }

    /**
     * Builds a function's MCP endpoint with what the runtime decides: tool-call telemetry, the request-state key,
     * the hosts and origins it answers (the engine's loopback default unless configured), and the access tokens
     * it accepts: every request needs one.
     */
    public McpServer endpoint(McpServer.Builder mcp) {
        mcp.observer(observer).requestStateSecret(requestStateSecret.bytes()).resourceServer(resourceServer);
        if (!allowedHosts.isEmpty()) {
            mcp.allowedHosts(allowedHosts);
        }
        if (!allowedOrigins.isEmpty()) {
            mcp.allowedOrigins(allowedOrigins);
        }
        return mcp.build();
    }
}
