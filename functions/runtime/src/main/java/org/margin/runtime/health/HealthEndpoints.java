package org.margin.runtime.health;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.margin.runtime.http.RuntimeRoute;
import org.margin.runtime.lifecycle.RuntimeLifecycle;
import org.margin.runtime.lifecycle.RuntimeState;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Liveness and readiness for Kubernetes probes. Liveness answers 200 for as long as the process serves HTTP (a
 * draining instance is alive: restarting it would cut its in-flight requests); readiness answers 200 only while
 * the runtime takes requests and what it was told to wait for is there ({@code {"state":"waiting"}} until then),
 * and 503 from the moment it starts draining.
 *
 * <p>Knative's default probe is a TCP connect to {@code PORT}, which these endpoints do not replace; they serve
 * explicit {@code httpGet} probes and plain Kubernetes.
 */
public final class HealthEndpoints implements HttpService {

    private static final Map<RuntimeState, byte[]> BODIES = bodies();
    private static final byte[] WAITING = "{\"state\":\"waiting\"}".getBytes(StandardCharsets.US_ASCII);

    private final RuntimeLifecycle lifecycle;
    private final BooleanSupplier dependenciesReady;

    /**
     * @param dependenciesReady whether what the process starts beside the function, and its requests need, is there
     */
    public HealthEndpoints(RuntimeLifecycle lifecycle, BooleanSupplier dependenciesReady) {
        this.lifecycle = lifecycle;
        this.dependenciesReady = dependenciesReady;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(RuntimeRoute.LIVENESS.label(), this::live)
                .get(RuntimeRoute.READINESS.label(), this::ready);
    }

    private void live(ServerRequest request, ServerResponse response) {
        send(response, Status.OK_200);
    }

    private void ready(ServerRequest request, ServerResponse response) {
        if (!lifecycle.ready()) {
            send(response, Status.SERVICE_UNAVAILABLE_503);
        } else if (!dependenciesReady.getAsBoolean()) {
            send(response, Status.SERVICE_UNAVAILABLE_503, WAITING);
        } else {
            send(response, Status.OK_200);
        }
    }

    private void send(ServerResponse response, Status status) {
        send(response, status, BODIES.get(lifecycle.state()));
    }

    private static void send(ServerResponse response, Status status, byte[] body) {
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(body);
    }

    private static Map<RuntimeState, byte[]> bodies() {
        Map<RuntimeState, byte[]> bodies = new EnumMap<>(RuntimeState.class);
        for (RuntimeState state : RuntimeState.values()) {
            bodies.put(state, ("{\"state\":\"" + state.name().toLowerCase(Locale.ROOT) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return bodies;
    }
}
