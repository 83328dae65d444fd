package org.margin.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;

import io.helidon.webserver.http.HttpService;

class GracefulStopTest {

    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private final CountDownLatch mayFinish = new CountDownLatch(1);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private FunctionRuntime runtime;

    @AfterEach
    void release() {
        mayFinish.countDown();
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Test
    void stopLetsTheRequestInFlightFinishWhileRefusingNewOnesAndReportingNotReady() throws Exception {
        runtime = start(Duration.ofSeconds(20));
        LoopbackHttp http = new LoopbackHttp(runtime.port());
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> http.post("/mcp", Map.of(), "{}"));
        assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<DrainOutcome> stopping = CompletableFuture.supplyAsync(runtime::stop);
        awaitState(RuntimeState.DRAINING);

        HttpResponse<String> readiness = http.get("/health/ready");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("draining");
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.post("/mcp", Map.of(), "{}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("urn:margin:problem:draining");
        assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
        assertThat(stopping).isNotDone();

        mayFinish.countDown();

        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(slow.get().body()).isEqualTo("finished");
        DrainOutcome outcome = stopping.get(10, TimeUnit.SECONDS);
        assertThat(outcome.complete()).isTrue();
        assertThat(runtime.state()).isEqualTo(RuntimeState.STOPPED);
        assertThat(runtime.port()).isEqualTo(-1);
        assertThat(events).containsExactly("started", "draining", "stopped");
    }

    @Test
    void aRequestOutlivingTheGracePeriodIsCutOffAndReported() throws Exception {
        runtime = start(Duration.ofSeconds(1));
        LoopbackHttp http = new LoopbackHttp(runtime.port());
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> http.post("/mcp", Map.of(), "{}"));
        assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();

        DrainOutcome outcome = runtime.stop();

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.abandoned()).isEqualTo(1);
        assertThat(outcome.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void stoppingAnIdleRuntimeIsImmediateAndRepeatable() {
        runtime = start(Duration.ofSeconds(20));

        DrainOutcome first = runtime.stop();
        DrainOutcome second = runtime.stop();

        assertThat(first.complete()).isTrue();
        assertThat(first.took()).isLessThan(Duration.ofSeconds(1));
        assertThat(second).isEqualTo(first);
        assertThat(events).containsExactly("started", "draining", "stopped");
    }

    private FunctionRuntime start(Duration grace) {
        HttpService slowEndpoint = rules -> rules.post("/", (request, response) -> {
            requestArrived.countDown();
            try {
                mayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted"));
            }
            response.send("finished");
        });
        return FunctionRuntime.builder()
                .service("stopping-under-test")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0")).withShutdownGrace(grace))
                .mcp(mount -> slowEndpoint)
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void started(int port) {
                        events.add("started");
                    }

                    @Override
                    public void draining() {
                        events.add("draining");
                    }

                    @Override
                    public void stopped() {
                        events.add("stopped");
                    }
                })
                .build()
                .start();
    }

    private void awaitState(RuntimeState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runtime.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(runtime.state()).isEqualTo(state);
    }
}
