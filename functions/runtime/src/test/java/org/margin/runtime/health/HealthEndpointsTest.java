package org.margin.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;

class HealthEndpointsTest {

    @Test
    void aServingRuntimeIsLiveAndReady() {
        try (FunctionRuntime runtime = FunctionRuntime.builder().service("healthy")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0"))).build().start()) {
            LoopbackHttp http = new LoopbackHttp(runtime.port());

            for (String path : new String[] {"/health/live", "/health/ready"}) {
                HttpResponse<String> response = http.get(path);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"state\":\"serving\"}");
                assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
                assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
            }
        }
    }

    @Test
    void readinessWaitsForWhatTheRuntimeWasToldToWaitFor() {
        AtomicBoolean keysReady = new AtomicBoolean();
        try (FunctionRuntime runtime = FunctionRuntime.builder().service("waiting")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0")))
                .readyWhen(keysReady::get).build().start()) {
            LoopbackHttp http = new LoopbackHttp(runtime.port());

            HttpResponse<String> waiting = http.get("/health/ready");
            assertThat(waiting.statusCode()).isEqualTo(503);
            assertThat(waiting.body()).isEqualTo("{\"state\":\"waiting\"}");
            assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

            keysReady.set(true);
            HttpResponse<String> ready = http.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"state\":\"serving\"}");
        }
    }

    @Test
    void probesOnlyAnswerGet() {
        try (FunctionRuntime runtime = FunctionRuntime.builder().service("healthy")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0"))).build().start()) {
            HttpResponse<String> response = new LoopbackHttp(runtime.port()).post("/health/ready", Map.of(), "{}");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        }
    }
}
