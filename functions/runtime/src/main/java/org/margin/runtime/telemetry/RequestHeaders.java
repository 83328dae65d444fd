package org.margin.runtime.telemetry;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;

/** Reads W3C trace-context headers from a Helidon request for the propagator. */
enum RequestHeaders implements TextMapGetter<Headers> {
    INSTANCE;

    private static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    private static final HeaderName TRACESTATE = HeaderNames.create("tracestate");

    @Override
    public String get(Headers carrier, String key) {
        if (carrier == null) {
            return null;
        }
        HeaderName name = switch (key) {
            case "traceparent" -> TRACEPARENT;
            case "tracestate" -> TRACESTATE;
            default -> HeaderNames.create(key);
        };
        return carrier.contains(name) ? carrier.get(name).get() : null;
    }
}
