package org.margin.runtime.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /metrics}: the runtime's metrics in the Prometheus text format, served by the runtime's own server. */
public final class PrometheusEndpoint implements Handler {

    private final Telemetry telemetry;

    public PrometheusEndpoint(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        telemetry.writePrometheus(body);
        response.header(HeaderNames.CONTENT_TYPE, telemetry.prometheusContentType());
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(body.toByteArray());
    }
}
