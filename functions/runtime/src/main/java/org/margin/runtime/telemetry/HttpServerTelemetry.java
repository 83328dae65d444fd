package org.margin.runtime.telemetry;

import java.util.List;

import org.margin.runtime.http.RouteClassifier;
import org.margin.runtime.http.RuntimeRoute;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;

/**
 * A server span per request (child of the caller's {@code traceparent}) and the request-duration histogram per
 * route, method and status: the HTTP half of the RED metrics. Labels come from closed sets only: the route the
 * runtime matched (never the raw path), the method (or {@code _OTHER}), the status code. Probes and scrapes are
 * measured but not traced.
 */
public final class HttpServerTelemetry implements Filter {

    /** Semantic-convention buckets for HTTP durations, with finer ones below 5 ms where trivial calls land. */
    static final List<Double> DURATION_BUCKETS = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075,
            0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 30.0, 60.0);

    private static final int LOWEST_STATUS = 100;
    private static final int STATUS_CODES = 500;
    private static final RuntimeRoute[] ROUTES = RuntimeRoute.values();
    private static final HttpMethodLabel[] METHODS = HttpMethodLabel.values();

    private final RouteClassifier routes;
    private final boolean tracing;
    private final Tracer tracer;
    private final DoubleHistogram duration;
    private final String[] spanNames = new String[ROUTES.length * METHODS.length];
    /** Attributes per route and method, then per status code; filled as combinations occur. */
    private final Attributes[][] attributes = new Attributes[ROUTES.length * METHODS.length][];

    public HttpServerTelemetry(Telemetry telemetry, RouteClassifier routes) {
        this.routes = routes;
        this.tracing = telemetry.tracing();
        this.tracer = telemetry.tracer();
        this.duration = telemetry.meter().histogramBuilder("http.server.request.duration")
                .setUnit("s")
                .setDescription("Duration of HTTP server requests.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        for (RuntimeRoute route : ROUTES) {
            for (HttpMethodLabel method : METHODS) {
                spanNames[index(route, method)] = route.label() == null
                        ? method.name()
                        : method.name() + " " + route.label();
            }
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        RuntimeRoute route = routes.classify(request.path().path());
        HttpMethodLabel method = HttpMethodLabel.of(request.prologue().method());
        if (!tracing || route.infrastructure()) {
            try {
                chain.proceed();
            } finally {
                record(route, method, response.status().code(), start);
            }
            return;
        }
        Context parent = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), request.headers(), RequestHeaders.INSTANCE);
        Span span = tracer.spanBuilder(spanNames[index(route, method)])
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method.name())
                .startSpan();
        if (route.label() != null) {
            span.setAttribute(HttpAttributes.HTTP_ROUTE, route.label());
        }
        int status = 500;
        Scope scope = span.makeCurrent();
        try {
            chain.proceed();
            status = response.status().code();
        } finally {
            scope.close();
            span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute(ErrorAttributes.ERROR_TYPE, Integer.toString(status));
            }
            span.end();
            record(route, method, status, start);
        }
    }

    private void record(RuntimeRoute route, HttpMethodLabel method, int status, long start) {
        duration.record((System.nanoTime() - start) / 1e9, attributes(route, method, status));
    }

    private Attributes attributes(RuntimeRoute route, HttpMethodLabel method, int status) {
        int code = status >= LOWEST_STATUS && status < LOWEST_STATUS + STATUS_CODES ? status : 500;
        int index = index(route, method);
        // Unsynchronised on purpose: Attributes are immutable, so a racing thread at worst builds an equal one.
        Attributes[] byStatus = attributes[index];
        if (byStatus == null) {
            byStatus = new Attributes[STATUS_CODES];
            attributes[index] = byStatus;
        }
        Attributes known = byStatus[code - LOWEST_STATUS];
        if (known == null) {
            AttributesBuilder builder = Attributes.builder()
                    .put(HttpAttributes.HTTP_REQUEST_METHOD, method.name())
                    .put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) code);
            if (route.label() != null) {
                builder.put(HttpAttributes.HTTP_ROUTE, route.label());
            }
            known = builder.build();
            byStatus[code - LOWEST_STATUS] = known;
        }
        return known;
    }

    private static int index(RuntimeRoute route, HttpMethodLabel method) {
        return route.ordinal() * METHODS.length + method.ordinal();
    }
}
