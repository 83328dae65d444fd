package org.margin.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.margin.runtime.telemetry.ToolCallObserver;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Stands in for the MCP engine at {@code /mcp}, reporting to the observer the way the engine does: {@code POST}
 * with {@code X-Tool: name} "calls" that tool (reading and dropping the body, as arguments would be), and
 * {@code X-Fail: kind} makes the call fail.
 */
public final class ToolCallingService implements HttpService {

    public static final HeaderName TOOL = HeaderNames.create("X-Tool");
    public static final HeaderName FAIL = HeaderNames.create("X-Fail");

    private final ToolCallObserver observer;

    public ToolCallingService(ToolCallObserver observer) {
        this.observer = observer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::call);
    }

    private void call(ServerRequest request, ServerResponse response) {
        try {
            request.content().inputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ToolCallObserver.ToolCall call = observer.start(request.headers().get(TOOL).get())) {
            if (request.headers().contains(FAIL)) {
                call.failed(request.headers().get(FAIL).get());
            }
        }
        response.send("{\"ok\":true}");
    }
}
