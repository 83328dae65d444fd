package org.margin.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.ToolCallingService;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class TraceSamplingTest {

    @Test
    void defaultsToParentBasedAlwaysOn() {
        assertThat(TraceSampling.fromEnvironment(Map.of())).isEqualTo(TraceSampling.parentBasedAlwaysOn());
    }

    @Test
    void readsTheStandardVariables() {
        assertThat(TraceSampling.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
                "OTEL_TRACES_SAMPLER_ARG", "0.25")))
                .isEqualTo(new TraceSampling(TraceSampling.Kind.PARENTBASED_TRACEIDRATIO, 0.25));
    }

    @Test
    void refusesUnknownSamplersAndRatiosByName() {
        assertThatThrownBy(() -> TraceSampling.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER", "jaeger_remote")))
                .hasMessageStartingWith("OTEL_TRACES_SAMPLER ");
        assertThatThrownBy(() -> TraceSampling.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER", "traceidratio",
                "OTEL_TRACES_SAMPLER_ARG", "1.5"))).hasMessageStartingWith("OTEL_TRACES_SAMPLER_ARG");
        assertThatThrownBy(() -> TraceSampling.fromEnvironment(Map.of("OTEL_TRACES_SAMPLER", "traceidratio",
                "OTEL_TRACES_SAMPLER_ARG", "half"))).hasMessageStartingWith("OTEL_TRACES_SAMPLER_ARG");
    }

    @Test
    void aFunctionSampledOffRecordsNoSpansButStillCountsCalls() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (FunctionRuntime runtime = FunctionRuntime.builder()
                .service("unsampled")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0", "OTEL_TRACES_SAMPLER", "always_off")))
                .spanProcessor(SimpleSpanProcessor.create(spans))
                .declareTools("analyze")
                .mcp(mount -> new ToolCallingService(mount.observer()))
                .build()
                .start()) {
            LoopbackHttp http = new LoopbackHttp(runtime.port());

            assertThat(http.post("/mcp", Map.of("X-Tool", "analyze"), "{}").statusCode()).isEqualTo(200);

            assertThat(http.get("/metrics").body()).contains("margin_tool_calls_total{gen_ai_tool_name=\"analyze\"} 1.0");
        }
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
}
