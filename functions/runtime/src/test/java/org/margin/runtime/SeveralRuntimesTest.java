package org.margin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.margin.runtime.cloudevents.EventOutcome;

/** A local launcher runs every function in one JVM: runtimes must not share ports, state or metrics. */
class SeveralRuntimesTest {

    @Test
    void runtimesInOneProcessAreIndependent() {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(Map.of("PORT", "0"));
        FunctionRuntime analysis = FunctionRuntime.builder().service("analysis").settings(settings)
                .declareTools("analyze").mcp(mount -> new ToolCallingService(mount.observer())).build().start();
        FunctionRuntime intake = FunctionRuntime.builder().service("intake").settings(settings)
                .cloudEvent("org.margin.submission.created.v1", event -> EventOutcome.accepted()).build().start();
        try {
            LoopbackHttp analysisHttp = new LoopbackHttp(analysis.port());
            LoopbackHttp intakeHttp = new LoopbackHttp(intake.port());
            assertThat(analysis.port()).isNotEqualTo(intake.port());

            analysisHttp.post("/mcp", Map.of("X-Tool", "analyze"), "{}");
            intakeHttp.post("/", Map.of("ce-specversion", "1.0", "ce-id", "i-1", "ce-source", "/tests",
                    "ce-type", "org.margin.submission.created.v1"), "{}");

            assertThat(analysisHttp.get("/metrics").body())
                    .contains("service_name=\"analysis\"").contains("margin_tool_calls_total")
                    .doesNotContain("margin_events_total");
            assertThat(intakeHttp.get("/metrics").body())
                    .contains("service_name=\"intake\"").contains("margin_events_total")
                    .doesNotContain("margin_tool_calls_total");
            assertThat(intakeHttp.post("/mcp", Map.of("X-Tool", "analyze"), "{}").statusCode()).isEqualTo(404);

            analysis.stop();

            assertThat(intakeHttp.get("/health/ready").statusCode()).isEqualTo(200);
        } finally {
            analysis.stop();
            intake.stop();
        }
    }
}
