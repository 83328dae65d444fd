package org.margin.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;

import io.helidon.webserver.http.HttpService;

/** {@link LifecycleListener#settled()}: once, after the first real request or after a quiet start. */
class SettledTest {

    private final CountDownLatch settled = new CountDownLatch(1);
    private final AtomicInteger settledCalls = new AtomicInteger();
    private final CountDownLatch mayAnswer = new CountDownLatch(1);
    private FunctionRuntime runtime;

    @AfterEach
    void stop() {
        mayAnswer.countDown();
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Test
    void theFirstAnsweredRequestSettlesTheStartNotAProbeNorARequestStillRunning() throws Exception {
        long began = System.nanoTime();
        runtime = start();
        LoopbackHttp http = new LoopbackHttp(runtime.port());
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        Thread answering = Thread.ofVirtual().start(() -> http.post("/mcp", Map.of(), "{}"));
        assertThat(settled.await(300, TimeUnit.MILLISECONDS)).isFalse();

        mayAnswer.countDown();
        answering.join(5_000);

        assertThat(settled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(RuntimeLifecycle.SETTLE_AFTER);
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/mcp", Map.of(), "{}").statusCode()).isEqualTo(200);
        }
        Thread.sleep(RuntimeLifecycle.SETTLE_AFTER.toMillis() + 200);
        assertThat(settledCalls).hasValue(1);
    }

    @Test
    void aStartWithoutRequestsSettlesOnItsOwnOnce() throws Exception {
        long began = System.nanoTime();
        runtime = start();

        assertThat(settled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(RuntimeLifecycle.SETTLE_AFTER);
        Thread.sleep(500);
        assertThat(settledCalls).hasValue(1);
    }

    @Test
    void aRuntimeStoppedBeforeItSettledDoesNotSettle() throws Exception {
        runtime = start();
        runtime.stop();

        assertThat(settled.await(RuntimeLifecycle.SETTLE_AFTER.toMillis() + 1_000, TimeUnit.MILLISECONDS)).isFalse();
    }

    private FunctionRuntime start() {
        HttpService endpoint = rules -> rules.post("/", (request, response) -> {
            mayAnswer.await();
            response.send("answered");
        });
        return FunctionRuntime.builder()
                .service("settling-under-test")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0")))
                .mcp(mount -> endpoint)
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void settled() {
                        settledCalls.incrementAndGet();
                        settled.countDown();
                    }
                })
                .build()
                .start();
    }
}
