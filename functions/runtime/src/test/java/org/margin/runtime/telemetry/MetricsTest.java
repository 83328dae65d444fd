package org.margin.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.ToolCallingService;
import org.margin.runtime.cloudevents.EventOutcome;

class MetricsTest {

    private static final String TYPE = "org.margin.submission.created.v1";

    private static FunctionRuntime runtime;
    private static LoopbackHttp http;

    @BeforeAll
    static void start() {
        runtime = FunctionRuntime.builder()
                .service("metrics-under-test", "2.0.0")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0")))
                .declareTools("analyze", "summarize")
                .mcp(mount -> new ToolCallingService(mount.observer()))
                .cloudEvent(TYPE, event -> EventOutcome.accepted())
                .build()
                .start();
        http = new LoopbackHttp(runtime.port());
        for (int i = 0; i < 3; i++) {
            http.post("/mcp", Map.of("X-Tool", "analyze"), "{}");
        }
        http.post("/mcp", Map.of("X-Tool", "summarize", "X-Fail", "tool_error"), "{}");
        http.post("/mcp", Map.of("X-Tool", "made_up_by_a_client"), "{}");
        http.post("/mcp", Map.of("X-Tool", "summarize", "X-Fail", "kind_the_engine_never_reports"), "{}");
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "m-1", "ce-source", "/tests", "ce-type", TYPE),
                "{}");
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "m-2", "ce-source", "/tests",
                "ce-type", "org.margin.unknown.v1"), "{}");
        http.get("/nowhere");
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void servesThePrometheusTextFormat() {
        HttpResponse<String> response = http.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void countsCallsErrorsAndDurationPerTool() {
        String metrics = http.get("/metrics").body();

        assertThat(metrics)
                .contains("margin_tool_calls_total{gen_ai_tool_name=\"analyze\"} 3.0")
                .contains("margin_tool_calls_total{gen_ai_tool_name=\"summarize\"} 2.0")
                .contains("margin_tool_errors_total{error_type=\"tool_error\",gen_ai_tool_name=\"summarize\"} 1.0")
                .contains("margin_tool_duration_seconds_count{gen_ai_tool_name=\"analyze\"} 3")
                .contains("margin_tool_duration_seconds_bucket{gen_ai_tool_name=\"analyze\",le=\"1.0E-4\"} 3")
                .contains("margin_tool_errors_total{error_type=\"other\",gen_ai_tool_name=\"summarize\"} 1.0")
                .doesNotContain("kind_the_engine_never_reports")
                .doesNotContain("margin_tool_errors_total{error_type=\"tool_error\",gen_ai_tool_name=\"analyze\"}");
    }

    @Test
    void anUndeclaredToolCountsAsUnknown() {
        String metrics = http.get("/metrics").body();

        assertThat(metrics)
                .contains("margin_tool_calls_total{gen_ai_tool_name=\"unknown\"} 1.0")
                .doesNotContain("made_up_by_a_client");
    }

    @Test
    void measuresRequestsPerRouteMethodAndStatus() {
        String metrics = http.get("/metrics").body();

        assertThat(metrics)
                .contains("http_server_request_duration_seconds_count{http_request_method=\"POST\","
                        + "http_response_status_code=\"200\",http_route=\"/mcp\"} 6")
                .contains("http_server_request_duration_seconds_count{http_request_method=\"POST\","
                        + "http_response_status_code=\"202\",http_route=\"/\"} 1")
                .contains("http_server_request_duration_seconds_count{http_request_method=\"POST\","
                        + "http_response_status_code=\"422\",http_route=\"/\"} 1")
                .contains("http_server_request_duration_seconds_count{http_request_method=\"GET\","
                        + "http_response_status_code=\"404\"} 1")
                .doesNotContain("nowhere");
    }

    @Test
    void countsEventsByTypeAndResult() {
        String metrics = http.get("/metrics").body();

        assertThat(metrics)
                .contains("margin_events_total{cloudevents_event_type=\"" + TYPE
                        + "\",margin_event_result=\"accepted\"} 1.0")
                .contains("margin_events_total{cloudevents_event_type=\"unknown\","
                        + "margin_event_result=\"unsupported_type\"} 1.0")
                .doesNotContain("org.margin.unknown.v1");
    }

    @Test
    void describesTheServiceInTargetInfo() {
        String metrics = http.get("/metrics").body();

        assertThat(metrics).containsPattern("target_info\\{[^}]*service_name=\"metrics-under-test\"")
                .containsPattern("target_info\\{[^}]*service_version=\"2.0.0\"");
    }
}
