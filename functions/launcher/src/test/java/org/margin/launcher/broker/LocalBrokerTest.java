package org.margin.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.cloudevents.sink.HttpEventSink;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/** The local broker between real runtimes on loopback, driven by Trigger manifests. */
class LocalBrokerTest {

    private static final String SUBMITTED = "org.margin.submission.created.v1";
    private static final RuntimeSettings ANY_PORT = RuntimeSettings.fromEnvironment(Map.of("PORT", "0"));
    private static final RetryPolicy QUICK = new RetryPolicy(3, true, Duration.ofMillis(20));

    private final CopyOnWriteArrayList<FunctionRuntime> runtimes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        runtimes.forEach(FunctionRuntime::stop);
    }

    @Test
    void theBundledTriggersAreTheClustersAndResolveToLocalServices() {
        List<Subscription> subscriptions = Triggers.bundled(name -> URI.create("http://local/" + name));

        assertThat(subscriptions).extracting(Subscription::type, s -> s.subscriber().getPath())
                .contains(tuple(SUBMITTED, "/writing-analysis"),
                        tuple(SUBMITTED, "/academic-integrity"),
                        tuple("org.margin.writing.analyzed.v1", "/student-profiling"));
        assertThat(subscriptions).allSatisfy(s ->
                assertThat(s.deadLetterSink()).hasValue(URI.create("http://local/dead-letters")));
        assertThat(subscriptions).filteredOn(s -> s.type().startsWith("org.margin."))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.retry()).isEqualTo(new RetryPolicy(6, true, Duration.ofMillis(500))));
        // A missed daily schedule can wait: its retries back off from 30 s.
        assertThat(subscriptions).filteredOn(s -> s.type().equals("dev.knative.sources.ping"))
                .extracting(Subscription::subscriber, Subscription::retry)
                .containsExactly(tuple(URI.create("http://local/data-governance"),
                        new RetryPolicy(6, true, Duration.ofSeconds(30))));
    }

    @Test
    void aTriggerWithoutATypeFilterIsRefusedByName() {
        String yaml = """
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata: {name: everything}
                spec: {broker: margin, filter: {attributes: {}}, subscriber: {ref: {name: x}}}
                """;
        assertThatThrownBy(() -> Triggers.parse(
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), URI::create))
                .hasMessageContaining("everything");
    }

    @Test
    void everySubscriberOfTheTypeGetsTheEventAndOthersDoNot() {
        CopyOnWriteArrayList<String> first = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<String> second = new CopyOnWriteArrayList<>();
        URI a = subscriber(event -> first.add(event.getId()));
        URI b = subscriber(event -> second.add(event.getId()));
        LocalBroker broker = new LocalBroker(List.of(
                new Subscription("to-a", SUBMITTED, a, QUICK, Optional.empty()),
                new Subscription("to-b", "org.margin.other.v1", b, QUICK, Optional.empty())), 100, 4);
        EventSink sink = brokerSink(broker);

        sink.send(event(SUBMITTED, "e-1"));
        sink.send(event("org.margin.unsubscribed.v1", "e-2"));

        waitUntil(() -> broker.delivered() == 1);
        assertThat(first).containsExactly("e-1");
        assertThat(second).isEmpty();
    }

    @Test
    void aFailingSubscriberIsRetriedUntilItTakesTheEvent() {
        AtomicInteger attempts = new AtomicInteger();
        URI flaky = runtime(FunctionRuntime.builder().service("flaky").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> attempts.incrementAndGet() < 3
                        ? EventOutcome.retryLater("Not yet.", Duration.ofMillis(1))
                        : EventOutcome.accepted()));
        LocalBroker broker = new LocalBroker(List.of(
                new Subscription("to-flaky", SUBMITTED, flaky, QUICK, Optional.empty())), 100, 4);

        brokerSink(broker).send(event(SUBMITTED, "r-1"));

        waitUntil(() -> broker.delivered() == 1);
        assertThat(attempts).hasValue(3);
        assertThat(broker.lost()).isZero();
    }

    @Test
    void anEventItsSubscriberRefusesGoesToTheDeadLetterSinkAtOnceWithTheReason() {
        AtomicInteger attempts = new AtomicInteger();
        URI refusing = runtime(FunctionRuntime.builder().service("refusing").settings(ANY_PORT)
                .cloudEvent(SUBMITTED, event -> {
                    attempts.incrementAndGet();
                    return EventOutcome.rejected("Never this one.");
                }));
        CopyOnWriteArrayList<CloudEvent> letters = new CopyOnWriteArrayList<>();
        URI deadLetters = runtime(FunctionRuntime.builder().service("dead-letters").settings(ANY_PORT)
                .anyOtherCloudEvent(event -> {
                    letters.add(event);
                    return EventOutcome.accepted();
                }));
        LocalBroker broker = new LocalBroker(List.of(
                new Subscription("to-refusing", SUBMITTED, refusing, QUICK, Optional.of(deadLetters))), 100, 4);

        brokerSink(broker).send(event(SUBMITTED, "d-1"));

        waitUntil(() -> broker.deadLettered() == 1);
        assertThat(attempts).hasValue(1);
        CloudEvent letter = letters.getFirst();
        assertThat(letter.getId()).isEqualTo("d-1");
        assertThat(letter.getExtension("knativeerrordest")).isEqualTo(refusing.toString());
        assertThat(letter.getExtension("knativeerrorcode")).isEqualTo("422");
        assertThat(new String(Base64.getDecoder().decode((String) letter.getExtension("knativeerrordata")),
                StandardCharsets.UTF_8)).contains("Never this one.");
    }

    @Test
    void anUnreachableSubscriberEndsInTheDeadLetterSinkAfterItsRetries() {
        CopyOnWriteArrayList<CloudEvent> letters = new CopyOnWriteArrayList<>();
        URI deadLetters = runtime(FunctionRuntime.builder().service("dead-letters").settings(ANY_PORT)
                .anyOtherCloudEvent(event -> {
                    letters.add(event);
                    return EventOutcome.accepted();
                }));
        LocalBroker broker = new LocalBroker(List.of(new Subscription("to-nowhere", SUBMITTED,
                URI.create("http://127.0.0.1:1/"), QUICK, Optional.of(deadLetters))), 100, 4);

        brokerSink(broker).send(event(SUBMITTED, "u-1"));

        waitUntil(() -> broker.deadLettered() == 1);
        assertThat(letters.getFirst().getExtension("knativeerrordest")).isEqualTo("http://127.0.0.1:1/");
        assertThat(letters.getFirst().getExtension("knativeerrorcode")).isNull();
    }

    @Test
    void deliveriesToOneSubscriberWaitTheirTurnInsteadOfPilingOnto() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        URI slow = subscriber(event -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(50);
            inFlight.decrementAndGet();
        });
        LocalBroker broker = new LocalBroker(List.of(
                new Subscription("to-slow", SUBMITTED, slow, QUICK, Optional.empty())), 100, 4);

        for (int i = 0; i < 20; i++) {
            broker.handle(event(SUBMITTED, "t-" + i));
        }

        waitUntil(() -> broker.delivered() == 20);
        assertThat(most.get()).isBetween(1, 4);
    }

    @Test
    void aFullBrokerAsksTheSenderToRetryInsteadOfDroppingTheEvent() {
        URI slow = subscriber(event -> sleep(500));
        LocalBroker broker = new LocalBroker(List.of(
                new Subscription("to-slow", SUBMITTED, slow, QUICK, Optional.empty())), 1, 4);

        assertThat(broker.handle(event(SUBMITTED, "f-1"))).isInstanceOf(EventOutcome.Accepted.class);
        assertThat(broker.handle(event(SUBMITTED, "f-2")))
                .isInstanceOfSatisfying(EventOutcome.RetryLater.class,
                        later -> assertThat(later.cause()).isEqualTo(EventOutcome.Cause.OVERLOADED));
        waitUntil(() -> broker.delivered() == 1);
        assertThat(broker.handle(event(SUBMITTED, "f-2"))).isInstanceOf(EventOutcome.Accepted.class);
    }

    private URI subscriber(Consumer<CloudEvent> action) {
        return runtime(FunctionRuntime.builder().service("subscriber").settings(ANY_PORT)
                .anyOtherCloudEvent(event -> {
                    action.accept(event);
                    return EventOutcome.accepted();
                }));
    }

    private URI runtime(FunctionRuntime.Builder builder) {
        FunctionRuntime runtime = builder.build().start();
        runtimes.add(runtime);
        return URI.create("http://127.0.0.1:" + runtime.port() + "/");
    }

    private EventSink brokerSink(LocalBroker broker) {
        URI address = runtime(FunctionRuntime.builder().service("broker").settings(ANY_PORT)
                .deliveryLedger(DeliveryLedger.none())
                .anyOtherCloudEvent(broker));
        return HttpEventSink.fromEnvironment(Map.of(HttpEventSink.K_SINK, address.toString()));
    }

    private static CloudEvent event(String type, String id) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("urn:margin:tests")).withType(type)
                .withDataContentType("application/json").withData("{}".getBytes(StandardCharsets.UTF_8)).build();
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
