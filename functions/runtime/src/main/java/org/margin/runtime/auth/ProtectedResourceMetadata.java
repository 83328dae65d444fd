package org.margin.runtime.auth;

import org.margin.runtime.http.Problem;
import org.margin.runtime.mcp.McpServer;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Serves the RFC 9728 protected resource metadata of a function's MCP endpoint, which MCP clients fetch (from
 * the {@code resource_metadata} of a 401) to find the authorization server. Public, like any discovery document.
 */
public final class ProtectedResourceMetadata implements Handler {

    private final McpServer mcp;
    private volatile byte[] document;

    public ProtectedResourceMetadata(McpServer mcp) {
        this.mcp = mcp;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        byte[] body = document;
        if (body == null) {
            body = mcp.protectedResourceMetadata().orElse(null);
            if (body == null) {
                Problem.of(Status.NOT_FOUND_404, "not-found", "Not Found",
                        "this endpoint has no token configuration, so no authorization server to name").send(response);
                return;
            }
            document = body;
        }
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        response.send(body);
    }
}
