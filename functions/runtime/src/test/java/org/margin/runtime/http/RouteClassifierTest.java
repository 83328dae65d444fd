package org.margin.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteClassifierTest {

    private final RouteClassifier everything = new RouteClassifier(true, true, true);
    private final RouteClassifier eventsOnly = new RouteClassifier(false, true, false);

    @ParameterizedTest
    @CsvSource({
            "/, CLOUD_EVENTS",
            "/mcp, MCP",
            "/mcp/, MCP",
            "/mcpx, UNMATCHED",
            "/health/live, LIVENESS",
            "/health/ready, READINESS",
            "/health, UNMATCHED",
            "/metrics, METRICS",
            "/metrics/x, UNMATCHED",
            "/webhooks/district-canvas, WEBHOOKS",
            "/webhooks, WEBHOOKS",
            "/webhooksx, UNMATCHED",
            "/students/42, UNMATCHED"})
    void classifiesByMountedRoute(String path, RuntimeRoute route) {
        assertThat(everything.classify(path)).isEqualTo(route);
    }

    @ParameterizedTest
    @CsvSource({"/mcp, UNMATCHED", "/, CLOUD_EVENTS", "/metrics, METRICS", "/webhooks/lms, UNMATCHED"})
    void aRouteNotMountedIsUnmatched(String path, RuntimeRoute route) {
        assertThat(eventsOnly.classify(path)).isEqualTo(route);
        assertThat(new RouteClassifier(true, false, false).classify("/")).isEqualTo(RuntimeRoute.UNMATCHED);
    }
}
