package org.margin.runtime.telemetry;

import java.util.Locale;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Telemetry of CloudEvents handled: a consumer span per event and the counter {@code margin.events} by event type
 * and result.
 *
 * <p>The span's parent is the trace context the event carries in its distributed-tracing extension
 * ({@code traceparent}, set by the producer), else the HTTP request's span; when both exist and differ, the span
 * links to the request's. Event types label metrics only when registered; others count as {@code unknown}.
 */
public final class EventTelemetry {

    /** How the handling of one event ended; the values of the {@code margin.event.result} label. */
    public enum Result {
        REPLIED, ACCEPTED, REJECTED, RETRY_LATER, FAILED, UNSUPPORTED_TYPE, DUPLICATE;

        private final String label = name().toLowerCase(Locale.ROOT);
    }

    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> SPEC_VERSION = AttributeKey.stringKey("cloudevents.event_spec_version");
    static final AttributeKey<String> RESULT = AttributeKey.stringKey("margin.event.result");
    static final String UNKNOWN_TYPE = "unknown";

    private final boolean tracing;
    private final Tracer tracer;
    private final LongCounter events;
    private final Set<String> registeredTypes;

    public EventTelemetry(Telemetry telemetry, Set<String> registeredTypes) {
        this.tracing = telemetry.tracing();
        this.tracer = telemetry.tracer();
        this.registeredTypes = Set.copyOf(registeredTypes);
        this.events = telemetry.meter().counterBuilder("margin.events")
                .setUnit("{event}")
                .setDescription("CloudEvents received, by type and result.")
                .build();
    }

    /** Starts observing the handling of {@code event}; the span is current until the observation is closed. */
    public Observation start(CloudEvent event) {
        String type = registeredTypes.contains(event.getType()) ? event.getType() : UNKNOWN_TYPE;
        if (!tracing) {
            return new Observation(type, null, null);
        }
        Context current = Context.current();
        SpanContext carried = Span.fromContext(W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), event, EventExtensions.INSTANCE)).getSpanContext();
        SpanContext request = Span.fromContext(current).getSpanContext();
        var builder = tracer.spanBuilder("process " + type)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(EVENT_TYPE, type)
                .setAttribute(SPEC_VERSION, event.getSpecVersion().toString());
        if (carried.isValid() && !carried.equals(request)) {
            builder.setParent(current.with(Span.wrap(carried)));
            if (request.isValid()) {
                builder.addLink(request);
            }
        } else {
            builder.setParent(current);
        }
        Span span = builder.startSpan();
        return new Observation(type, span, span.makeCurrent());
    }

    /** Counts an event that no handler takes. */
    public void unsupported() {
        events.add(1, Attributes.of(EVENT_TYPE, UNKNOWN_TYPE, RESULT, Result.UNSUPPORTED_TYPE.label));
    }

    /** The handling of one event; close it, with a result, on the thread that started it. */
    public final class Observation {
        private final String type;
        private final Span span;
        private final Scope scope;

        private Observation(String type, Span span, Scope scope) {
            this.type = type;
            this.span = span;
            this.scope = scope;
        }

        /** Ends the observation with {@code result}. */
        public void end(Result result) {
            events.add(1, Attributes.of(EVENT_TYPE, type, RESULT, result.label));
            if (span != null) {
                span.setAttribute(RESULT, result.label);
                if (result == Result.FAILED) {
                    span.setStatus(StatusCode.ERROR);
                }
                scope.close();
                span.end();
            }
        }
    }

    /** Reads the distributed-tracing extension attributes of an event. */
    private enum EventExtensions implements TextMapGetter<CloudEvent> {
        INSTANCE;

        @Override
        public String get(CloudEvent event, String key) {
            if (event == null) {
                return null;
            }
            Object value = event.getExtension(key);
            return value == null ? null : value.toString();
        }
    }
}
