package org.margin.launcher.broker;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.sink.EventPoster;
import org.margin.runtime.cloudevents.sink.EventPoster.Posted;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * Local mode's Knative broker: takes an event (the handler of a catch-all runtime), answers 202, and delivers it to
 * every subscription of its type on its own virtual thread, retrying as the Trigger says and sending it to the
 * dead-letter sink, with Knative's {@code knativeerror*} extensions, when it keeps failing. Like Knative it retries
 * answers 404, 409, 429 and 5xx and no answer at all, and gives up at once on any other 4xx.
 *
 * <p>Deliveries are held in memory: at most {@code capacity}; beyond that the broker answers 429 so that the sender
 * retries and nothing is dropped. At most {@code concurrentPerSubscriber} are in flight to one subscriber; the rest
 * wait their turn, and waiting is not an attempt. A broker that stops loses what it had not delivered, which is why
 * production uses a durable broker class.
 */
public final class LocalBroker implements CloudEventHandler {

    private static final System.Logger LOG = System.getLogger(LocalBroker.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FULL_RETRY = Duration.ofSeconds(1);

    private final List<Subscription> subscriptions;
    private final Map<String, Semaphore> inFlightPerSubscriber;
    private final EventPoster poster = new EventPoster(TIMEOUT);
    private final Semaphore capacity;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    /**
     * @param capacity              deliveries held at most, waiting or in flight
     * @param concurrentPerSubscriber deliveries in flight to one subscriber at most; the rest wait their turn here,
     *                              as a Knative broker's dispatcher holds them, rather than pile onto the function
     */
    public LocalBroker(List<Subscription> subscriptions, int capacity, int concurrentPerSubscriber) {
        this.subscriptions = List.copyOf(subscriptions);
        this.capacity = new Semaphore(capacity);
        Map<String, Semaphore> perSubscriber = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            perSubscriber.putIfAbsent(subscription.subscriber().toString(), new Semaphore(concurrentPerSubscriber));
        }
        this.inFlightPerSubscriber = Map.copyOf(perSubscriber);
    }

    @Override
    public EventOutcome handle(CloudEvent event) {
        List<Subscription> matching = subscriptions.stream().filter(s -> s.type().equals(event.getType())).toList();
        if (!capacity.tryAcquire(Math.max(1, matching.size()))) {
            return EventOutcome.overloaded("The local broker holds too many undelivered events.", FULL_RETRY);
        }
        if (matching.isEmpty()) {
            capacity.release();
            return EventOutcome.accepted();
        }
        for (Subscription subscription : matching) {
            Thread.ofVirtual().name("broker-" + subscription.trigger()).start(() -> {
                try {
                    deliver(event, subscription);
                } finally {
                    capacity.release();
                }
            });
        }
        return EventOutcome.accepted();
    }

    /** Deliveries acknowledged by their subscriber. */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries that ended in the dead-letter sink. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Deliveries that reached neither their subscriber nor a dead-letter sink. */
    public long lost() {
        return lost.get();
    }

    private void deliver(CloudEvent event, Subscription subscription) {
        Posted last = new Posted.Unreachable();
        try {
            for (int attempt = 0; attempt <= subscription.retry().retries(); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(subscription.retry().delayBefore(attempt - 1));
                }
                last = post(subscription, event);
                if (last instanceof Posted.Delivered) {
                    delivered.incrementAndGet();
                    return;
                }
                if (!retryable(last)) {
                    break;
                }
            }
            deadLetter(event, subscription, last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lose(event, subscription);
        }
    }

    private Posted post(Subscription subscription, CloudEvent event) throws InterruptedException {
        Semaphore turn = inFlightPerSubscriber.get(subscription.subscriber().toString());
        turn.acquire();
        try {
            return poster.post(subscription.subscriber(), event);
        } finally {
            turn.release();
        }
    }

    private static boolean retryable(Posted posted) {
        return switch (posted) {
            case Posted.Delivered delivered -> false;
            case Posted.Unreachable unreachable -> true;
            case Posted.Answered(int status, byte[] body) ->
                    status == 404 || status == 409 || status == 429 || status >= 500;
        };
    }

    private void deadLetter(CloudEvent event, Subscription subscription, Posted last)
            throws InterruptedException {
        if (subscription.deadLetterSink().isEmpty()) {
            lose(event, subscription);
            return;
        }
        CloudEventBuilder letter = CloudEventBuilder.from(event)
                .withExtension("knativeerrordest", subscription.subscriber().toString());
        if (last instanceof Posted.Answered(int status, byte[] body)) {
            letter.withExtension("knativeerrorcode", Integer.toString(status))
                    .withExtension("knativeerrordata", Base64.getEncoder().encodeToString(body));
        }
        URI sink = subscription.deadLetterSink().get();
        CloudEvent dead = letter.build();
        for (int attempt = 0; attempt <= subscription.retry().retries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(subscription.retry().delayBefore(attempt - 1));
            }
            if (poster.post(sink, dead) instanceof Posted.Delivered) {
                deadLettered.incrementAndGet();
                LOG.log(Level.WARNING, () -> "Event " + event.getType() + " " + event.getId() + " for "
                        + subscription.trigger() + " went to the dead-letter sink");
                return;
            }
        }
        lose(event, subscription);
    }

    private void lose(CloudEvent event, Subscription subscription) {
        lost.incrementAndGet();
        LOG.log(Level.ERROR, () -> "Event " + event.getType() + " " + event.getId() + " for "
                + subscription.trigger() + " was lost: neither its subscriber nor a dead-letter sink took it");
    }
}
