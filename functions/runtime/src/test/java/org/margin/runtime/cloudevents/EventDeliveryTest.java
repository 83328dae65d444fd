package org.margin.runtime.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.sink.EventNotDelivered;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.cloudevents.sink.HttpEventSink;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/** Emission to a sink, duplicate suppression and retries, between real runtimes on loopback. */
class EventDeliveryTest {

    private static final String SUBMITTED = "org.margin.submission.created.v1";
    private static final String ANALYZED = "org.margin.writing.analyzed.v1";

    private static final RuntimeSettings ANY_PORT = RuntimeSettings.fromEnvironment(Map.of("PORT", "0"));

    private final CopyOnWriteArrayList<FunctionRuntime> runtimes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        runtimes.forEach(FunctionRuntime::stop);
    }

    @Test
    void aHandlerEmitsToTheSinkWithTheOverridesApplied() throws Exception {
        CompletableFuture<CloudEvent> arrived = new CompletableFuture<>();
        FunctionRuntime downstream = start(FunctionRuntime.builder().service("downstream").settings(ANY_PORT)
                .cloudEvent(ANALYZED, event -> {
                    arrived.complete(event);
                    return EventOutcome.accepted();
                }));
        EventSink sink = HttpEventSink.fromEnvironment(Map.of(
                HttpEventSink.K_SINK, "http://127.0.0.1:" + downstream.port() + "/",
                HttpEventSink.K_CE_OVERRIDES, "{\"extensions\":{\"margintier\":\"local\"}}"));
        FunctionRuntime upstream = start(FunctionRuntime.builder().service("upstream").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> {
                    sink.send(event(ANALYZED, "analyzed-of-" + event.getId()));
                    return EventOutcome.accepted();
                }));

        HttpResponse<String> response = post(upstream, SUBMITTED, "s-1");

        assertThat(response.statusCode()).isEqualTo(202);
        CloudEvent emitted = arrived.get(5, TimeUnit.SECONDS);
        assertThat(emitted.getId()).isEqualTo("analyzed-of-s-1");
        assertThat(emitted.getExtension("margintier")).isEqualTo("local");
        assertThat(new String(emitted.getData().toBytes())).isEqualTo("{\"n\":1}");
    }

    /**
     * A sink is an in-cluster address (a Broker's ingress): a JVM-wide proxy selector is not asked about its HTTP
     * requests (the JDK's socket still asks once per connection, for SOCKS).
     */
    @Test
    void aSinkIsReachedWithoutAskingTheSystemsProxySelectorPerEvent() throws Exception {
        CountDownLatch arrived = new CountDownLatch(3);
        FunctionRuntime downstream = start(FunctionRuntime.builder().service("downstream").settings(ANY_PORT)
                .cloudEvent(ANALYZED, event -> {
                    arrived.countDown();
                    return EventOutcome.accepted();
                }));
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector system = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        });
        try {
            EventSink sink = HttpEventSink.fromEnvironment(
                    Map.of(HttpEventSink.K_SINK, "http://127.0.0.1:" + downstream.port() + "/"));
            for (int i = 1; i <= 3; i++) {
                sink.send(event(ANALYZED, "a-" + i));
            }
        } finally {
            ProxySelector.setDefault(system);
        }

        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).extracting(URI::getScheme).doesNotContain("http", "https");
    }

    @Test
    void aDuplicateIsAcknowledgedWithoutBeingHandledAgain() {
        AtomicInteger handled = new AtomicInteger();
        FunctionRuntime runtime = start(FunctionRuntime.builder().service("counting").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> {
                    handled.incrementAndGet();
                    return EventOutcome.accepted();
                }));

        assertThat(post(runtime, SUBMITTED, "dup-1").statusCode()).isEqualTo(202);
        assertThat(post(runtime, SUBMITTED, "dup-1").statusCode()).isEqualTo(202);
        assertThat(post(runtime, SUBMITTED, "dup-2").statusCode()).isEqualTo(202);

        assertThat(handled).hasValue(2);
    }

    @Test
    void aDuplicateArrivingWhileTheFirstIsHandledIsAskedToComeBack() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FunctionRuntime runtime = start(FunctionRuntime.builder().service("slow").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> {
                    entered.countDown();
                    await(release);
                    return EventOutcome.accepted();
                }));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> post(runtime, SUBMITTED, "slow-1"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = post(runtime, SUBMITTED, "slow-1");
        release.countDown();

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("retry-after")).hasValue("1");
        assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        assertThat(post(runtime, SUBMITTED, "slow-1").statusCode()).isEqualTo(202);
    }

    @Test
    void anInstanceHandlingAsManyEventsAsItCanShedsTheNextWith429() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger entered = new AtomicInteger();
        FunctionRuntime runtime = start(FunctionRuntime.builder().service("busy").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> {
                    entered.incrementAndGet();
                    await(release);
                    return EventOutcome.accepted();
                }));
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String id = "busy-" + i;
            deliveries.add(CompletableFuture.supplyAsync(() -> post(runtime, SUBMITTED, id),
                    Executors.newVirtualThreadPerTaskExecutor()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deliveries.stream().filter(CompletableFuture::isDone).count() < 80 - entered.get()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        release.countDown();

        List<HttpResponse<String>> answers = deliveries.stream().map(CompletableFuture::join).toList();
        assertThat(entered.get()).isLessThanOrEqualTo(64);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 429).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("retry-after")).hasValue("1"));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202, 429);
    }

    @Test
    void aDeliveryThatFailedIsHandledAgainWhenRetried() {
        AtomicInteger attempts = new AtomicInteger();
        FunctionRuntime runtime = start(FunctionRuntime.builder().service("flaky").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> attempts.incrementAndGet() == 1
                        ? EventOutcome.retryLater("The store is unreachable.", Duration.ofSeconds(1))
                        : EventOutcome.accepted()));

        assertThat(post(runtime, SUBMITTED, "retry-1").statusCode()).isEqualTo(503);
        assertThat(post(runtime, SUBMITTED, "retry-1").statusCode()).isEqualTo(202);
        assertThat(post(runtime, SUBMITTED, "retry-1").statusCode()).isEqualTo(202);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void anUnreachableSinkMakesTheEventRetryableAndNothingIsLost() {
        CopyOnWriteArrayList<String> arrived = new CopyOnWriteArrayList<>();
        int port = freePort();
        EventSink sink = HttpEventSink.fromEnvironment(Map.of(HttpEventSink.K_SINK, "http://127.0.0.1:" + port + "/"));
        FunctionRuntime upstream = start(FunctionRuntime.builder().service("upstream").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> {
                    sink.send(event(ANALYZED, "analyzed-of-" + event.getId()));
                    return EventOutcome.accepted();
                }));

        HttpResponse<String> whileDown = post(upstream, SUBMITTED, "lost-1");
        start(FunctionRuntime.builder().service("downstream")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", Integer.toString(port))))
                .cloudEvent(ANALYZED, event -> {
                    arrived.add(event.getId());
                    return EventOutcome.accepted();
                }));
        HttpResponse<String> redelivered = post(upstream, SUBMITTED, "lost-1");

        assertThat(whileDown.statusCode()).isEqualTo(503);
        assertThat(whileDown.body()).contains("event-sink-unavailable");
        assertThat(whileDown.headers().firstValue("retry-after")).isPresent();
        assertThat(redelivered.statusCode()).isEqualTo(202);
        assertThat(arrived).containsExactly("analyzed-of-lost-1");
    }

    @Test
    void aSinkThatRefusesTheEventFailsWithoutRetrying() {
        FunctionRuntime refusing = start(FunctionRuntime.builder().service("refusing").settings(ANY_PORT)
                .cloudEvent(ANALYZED, event -> EventOutcome.rejected("Not this one.")));
        EventSink sink = HttpEventSink.fromEnvironment(
                Map.of(HttpEventSink.K_SINK, "http://127.0.0.1:" + refusing.port() + "/"));

        assertThatThrownBy(() -> sink.send(event(ANALYZED, "refused-1")))
                .isInstanceOfSatisfying(EventNotDelivered.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("422");
    }

    @Test
    void withoutASinkEverySendIsARetryableFailure() {
        EventSink sink = HttpEventSink.fromEnvironment(Map.of());

        assertThatThrownBy(() -> sink.send(event(ANALYZED, "nowhere-1")))
                .isInstanceOfSatisfying(EventNotDelivered.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("K_SINK");
    }

    @Test
    void unusableSinkSettingsAreRefusedByName() {
        assertThatThrownBy(() -> HttpEventSink.fromEnvironment(Map.of(HttpEventSink.K_SINK, "ftp://broker/")))
                .hasMessageContaining("K_SINK");
        assertThatThrownBy(() -> HttpEventSink.fromEnvironment(Map.of(HttpEventSink.K_SINK, "http://broker/",
                HttpEventSink.K_CE_OVERRIDES, "{not json")))
                .hasMessageContaining("K_CE_OVERRIDES");
    }

    @Test
    void aCatchAllHandlerTakesEveryTypeWithoutAHandlerOfItsOwn() {
        CopyOnWriteArrayList<String> caught = new CopyOnWriteArrayList<>();
        FunctionRuntime runtime = start(FunctionRuntime.builder().service("dead-letters").settings(ANY_PORT)
                .anyOtherCloudEvent(event -> {
                    caught.add(event.getType());
                    return EventOutcome.accepted();
                }));

        assertThat(post(runtime, "org.margin.anything.v1", "any-1").statusCode()).isEqualTo(202);
        assertThat(post(runtime, SUBMITTED, "any-2").statusCode()).isEqualTo(202);

        assertThat(caught).containsExactly("org.margin.anything.v1", SUBMITTED);
    }

    private FunctionRuntime start(FunctionRuntime.Builder builder) {
        FunctionRuntime runtime = builder.build().start();
        runtimes.add(runtime);
        return runtime;
    }

    private static HttpResponse<String> post(FunctionRuntime runtime, String type, String id) {
        return new LoopbackHttp(runtime.port()).post("/", Map.of(
                "ce-specversion", "1.0",
                "ce-id", id,
                "ce-source", "/margin/tests",
                "ce-type", type,
                "Content-Type", "application/json"), "{\"n\":1}");
    }

    private static CloudEvent event(String type, String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/margin/tests"))
                .withType(type)
                .withDataContentType("application/json")
                .withData("{\"n\":1}".getBytes())
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
