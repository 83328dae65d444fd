package org.margin.runtime.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.semconv.ErrorAttributes;

/**
 * Telemetry of tool calls: a span per call, a child of the current (request) span, and per tool the RED metrics
 * {@code margin.tool.calls}, {@code margin.tool.errors} (by error kind) and {@code margin.tool.duration}.
 *
 * <p>Labels come from closed sets only, so that no text a client sends can become one: a tool's name is its label
 * when the function declared it, else {@code unknown}; an error kind is its label when it is one of
 * {@link #ERROR_KINDS}, else {@code other}.
 *
 * <p>{@link #start} makes the call's span current on the calling thread: call it, and close the returned call, on
 * the thread that runs the tool.
 */
public final class ToolCallTelemetry implements ToolCallObserver {

    /** The kinds of failure the MCP engine reports; any other kind is labelled {@code other}. */
    public static final Set<String> ERROR_KINDS = Set.of("tool_error", "invalid_arguments", "invalid_output",
            "protocol_error", "internal_error", "cancelled", "timeout");
    static final String UNKNOWN_TOOL = "unknown";
    static final String OTHER_ERROR = "other";

    // gen_ai.* are incubating semantic conventions: the keys are spelled out here.
    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    private static final String EXECUTE_TOOL = "execute_tool";

    /** Trivial tools finish within a millisecond: the buckets start well below that. */
    static final List<Double> DURATION_BUCKETS = List.of(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
            0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0);

    private final boolean tracing;
    private final Tracer tracer;
    private final LongCounter calls;
    private final LongCounter errors;
    private final DoubleHistogram duration;
    private final Map<String, Tool> tools;
    private final Tool unknownTool = new Tool(UNKNOWN_TOOL);

    /**
     * @param declaredTools the names of the tools the function registers: the only tool names used as labels
     */
    public ToolCallTelemetry(Telemetry telemetry, Set<String> declaredTools) {
        this.tracing = telemetry.tracing();
        this.tracer = telemetry.tracer();
        Meter meter = telemetry.meter();
        this.calls = meter.counterBuilder("margin.tool.calls")
                .setUnit("{call}")
                .setDescription("Tool calls started.")
                .build();
        this.errors = meter.counterBuilder("margin.tool.errors")
                .setUnit("{call}")
                .setDescription("Tool calls that failed, by kind of failure.")
                .build();
        this.duration = meter.histogramBuilder("margin.tool.duration")
                .setUnit("s")
                .setDescription("Duration of tool calls.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        Map<String, Tool> byName = new HashMap<>();
        declaredTools.forEach(name -> byName.put(name, new Tool(name)));
        this.tools = Map.copyOf(byName);
    }

    @Override
    public ToolCall start(String toolName) {
        Tool tool = toolName == null ? unknownTool : tools.getOrDefault(toolName, unknownTool);
        calls.add(1, tool.attributes);
        if (!tracing) {
            return new Call(tool, System.nanoTime(), null, null);
        }
        Span span = tracer.spanBuilder(tool.spanName)
                .setSpanKind(SpanKind.INTERNAL)
                .setAllAttributes(tool.spanAttributes)
                .startSpan();
        return new Call(tool, System.nanoTime(), span, span.makeCurrent());
    }

    /** One tool's label value and the attribute sets built from it. */
    private final class Tool {
        private final String name;
        private final String spanName;
        private final Attributes attributes;
        private final Attributes spanAttributes;
        private final Map<String, Attributes> errorAttributes = new HashMap<>();

        private Tool(String name) {
            this.name = name;
            this.spanName = EXECUTE_TOOL + " " + name;
            this.attributes = Attributes.of(TOOL_NAME, name);
            this.spanAttributes = Attributes.of(TOOL_NAME, name, OPERATION_NAME, EXECUTE_TOOL);
            for (String kind : ERROR_KINDS) {
                errorAttributes.put(kind, Attributes.of(TOOL_NAME, name, ErrorAttributes.ERROR_TYPE, kind));
            }
            errorAttributes.put(OTHER_ERROR, Attributes.of(TOOL_NAME, name, ErrorAttributes.ERROR_TYPE, OTHER_ERROR));
        }
    }

    private final class Call implements ToolCall {
        private final Tool tool;
        private final long start;
        private final Span span;
        private final Scope scope;
        private String failure;
        private boolean closed;

        private Call(Tool tool, long start, Span span, Scope scope) {
            this.tool = tool;
            this.start = start;
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void failed(String kind) {
            failure = kind != null && ERROR_KINDS.contains(kind) ? kind : OTHER_ERROR;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            duration.record((System.nanoTime() - start) / 1e9, tool.attributes);
            if (failure != null) {
                errors.add(1, tool.errorAttributes.get(failure));
            }
            if (span != null) {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR);
                    span.setAttribute(ErrorAttributes.ERROR_TYPE, failure);
                }
                scope.close();
                span.end();
            }
        }
    }
}
