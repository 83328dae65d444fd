package org.margin.runtime.cloudevents;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.EventNotDelivered;
import org.margin.runtime.http.Problem;
import org.margin.runtime.http.RuntimeRoute;
import org.margin.runtime.telemetry.EventTelemetry;
import org.margin.runtime.telemetry.EventTelemetry.Result;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /}: CloudEvents over HTTP (binary or structured JSON mode), dispatched to the handler registered for
 * the event's type. Statuses follow the Knative eventing data-plane contract: 200 with a reply event (binary
 * mode), 202 without, 400 for a request that is not a CloudEvent, 422 for an event that will never be handled
 * (unknown type, rejected), 503 or 429 with {@code Retry-After} for one that may be handled later.
 *
 * <p>Each delivery is claimed in a {@link DeliveryLedger} by {@code source} and {@code id} before its handler
 * runs: a duplicate of a handled event is acknowledged (202) without running the handler again, and one that
 * arrives while the first is still being handled is asked to come back shortly (429).
 */
public final class CloudEventEndpoint implements HttpService {

    private static final System.Logger LOG = System.getLogger(CloudEventEndpoint.class.getName());
    private static final String ALLOWED_METHODS = "POST, OPTIONS";

    private static final Duration DUPLICATE_IN_PROGRESS_RETRY = Duration.ofSeconds(1);
    private static final Duration SINK_RETRY = Duration.ofSeconds(5);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Map<String, CloudEventHandler> handlers;
    private final Optional<CloudEventHandler> anyOtherType;
    private final DeliveryLedger ledger;
    private final Semaphore handling;
    private final int maxEventBytes;
    private final EventTelemetry telemetry;
    private final Problem unknownType;
    private final Problem tooLarge;

    /**
     * @param handlers      the handler of each event type
     * @param anyOtherType  the handler of every other type (a dead-letter store), or none: such events are refused
     * @param ledger        the deliveries handled so far
     * @param concurrency   events handled at once at most; one more is answered 429 at once, so that an
     *                      overloaded instance sheds load (the sender retries, Knative scales out) instead of
     *                      letting every handler run past its sender's timeout
     * @param maxEventBytes the largest request body accepted
     */
    public CloudEventEndpoint(Map<String, CloudEventHandler> handlers, Optional<CloudEventHandler> anyOtherType,
                              DeliveryLedger ledger, int concurrency, int maxEventBytes, EventTelemetry telemetry) {
        this.handlers = Map.copyOf(handlers);
        this.anyOtherType = anyOtherType;
        this.ledger = ledger;
        this.handling = new Semaphore(concurrency);
        this.maxEventBytes = maxEventBytes;
        this.telemetry = telemetry;
        this.unknownType = Problem.of(Status.UNPROCESSABLE_CONTENT_422, "unsupported-event-type",
                "Event type not handled", "This function handles events of the types "
                        + String.join(", ", new TreeSet<>(this.handlers.keySet())) + " only.");
        this.tooLarge = Problem.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "event-too-large", "Event too large",
                "This function accepts events of at most " + maxEventBytes + " bytes.");
    }

    @Override
    public void routing(HttpRules rules) {
        String path = RuntimeRoute.CLOUD_EVENTS.label();
        rules.post(path, this::receive)
                .options(path, this::options)
                .any(path, this::methodNotAllowed);
    }

    private void receive(ServerRequest request, ServerResponse response) throws IOException {
        OptionalLong declaredLength = request.headers().contentLength();
        if (declaredLength.isPresent() && declaredLength.getAsLong() > maxEventBytes) {
            tooLarge.send(response);
            return;
        }
        byte[] body = request.content().inputStream().readNBytes(maxEventBytes + 1);
        if (body.length > maxEventBytes) {
            tooLarge.send(response);
            return;
        }
        Headers headers = request.headers();
        CloudEvent event;
        try {
            event = HttpMessageFactory.createReader(forEach(headers), body).toEvent();
        } catch (RuntimeException invalid) {
            Problem.of(Status.BAD_REQUEST_400, "invalid-cloudevent", "Not a valid CloudEvent",
                    InvalidEvent.explain(headers, body, invalid)).send(response);
            return;
        }
        CloudEventHandler handler = handlers.getOrDefault(event.getType(), anyOtherType.orElse(null));
        if (handler == null) {
            telemetry.unsupported();
            unknownType.send(response);
            return;
        }
        dispatch(handler, event, response);
    }

    private void dispatch(CloudEventHandler handler, CloudEvent event, ServerResponse response) {
        if (!handling.tryAcquire()) {
            telemetry.start(event).end(Result.RETRY_LATER);
            Problem.of(Status.TOO_MANY_REQUESTS_429, "overloaded", "Overloaded",
                    "This instance is handling as many events as it can; retry shortly.").send(response, BUSY_RETRY);
            return;
        }
        try {
            dispatchClaimed(handler, event, response);
        } finally {
            handling.release();
        }
    }

    private void dispatchClaimed(CloudEventHandler handler, CloudEvent event, ServerResponse response) {
        EventTelemetry.Observation observation = telemetry.start(event);
        Result result = Result.FAILED;
        String source = event.getSource().toString();
        DeliveryLedger.Claim claim = ledger.claim(source, event.getId());
        if (claim != DeliveryLedger.Claim.CLAIMED) {
            observation.end(claim == DeliveryLedger.Claim.ALREADY_HANDLED ? Result.DUPLICATE : Result.RETRY_LATER);
            if (claim == DeliveryLedger.Claim.ALREADY_HANDLED) {
                response.status(Status.ACCEPTED_202).send();
            } else {
                Problem.of(Status.TOO_MANY_REQUESTS_429, "delivery-in-progress", "Delivery in progress",
                        "Another delivery of this event is being handled; retry shortly.")
                        .send(response, DUPLICATE_IN_PROGRESS_RETRY);
            }
            return;
        }
        try {
            EventOutcome outcome = handler.handle(event);
            result = respond(outcome, response);
        } catch (EventNotDelivered e) {
            if (!e.retryable()) {
                LOG.log(Level.ERROR, () -> "Handler of " + event.getType() + " emitted an event its sink refused: "
                        + e.getMessage());
                Problem.of(Status.INTERNAL_SERVER_ERROR_500, "handler-failed", "Event handler failed",
                        "The function failed to handle this event.").send(response);
                return;
            }
            result = Result.RETRY_LATER;
            Problem.of(Status.SERVICE_UNAVAILABLE_503, "event-sink-unavailable", "Temporarily unavailable",
                    "This event was handled up to emitting its consequences, which the event sink did not accept; "
                            + "deliver it again.").send(response, SINK_RETRY);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Handler of " + event.getType() + " failed with " + e.getClass().getName()
                    + "; message withheld");
            Problem.of(Status.INTERNAL_SERVER_ERROR_500, "handler-failed", "Event handler failed",
                    "The function failed to handle this event; delivering it again may succeed.").send(response);
        } finally {
            if (result == Result.REPLIED || result == Result.ACCEPTED || result == Result.REJECTED) {
                ledger.handled(source, event.getId());
            } else {
                ledger.released(source, event.getId());
            }
            observation.end(result);
        }
    }

    private static Result respond(EventOutcome outcome, ServerResponse response) {
        return switch (outcome) {
            case EventOutcome.Reply(CloudEvent reply) -> {
                response.status(Status.OK_200);
                HttpMessageFactory.createWriter((name, value) -> response.header(name, value),
                                bytes -> response.send(bytes == null ? new byte[0] : bytes))
                        .writeBinary(reply);
                yield Result.REPLIED;
            }
            case EventOutcome.Accepted() -> {
                response.status(Status.ACCEPTED_202).send();
                yield Result.ACCEPTED;
            }
            case EventOutcome.Rejected(String reason) -> {
                Problem.of(Status.UNPROCESSABLE_CONTENT_422, "event-rejected", "Event rejected", reason)
                        .send(response);
                yield Result.REJECTED;
            }
            case EventOutcome.RetryLater(String reason, var retryAfter, var cause) -> {
                Problem problem = cause == EventOutcome.Cause.OVERLOADED
                        ? Problem.of(Status.TOO_MANY_REQUESTS_429, "overloaded", "Overloaded", reason)
                        : Problem.of(Status.SERVICE_UNAVAILABLE_503, "retry-later", "Temporarily unavailable", reason);
                problem.send(response, retryAfter);
                yield Result.RETRY_LATER;
            }
        };
    }

    private void options(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.ALLOW, ALLOWED_METHODS);
        response.status(Status.OK_200).send();
    }

    private void methodNotAllowed(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.ALLOW, ALLOWED_METHODS);
        Problem.of(Status.METHOD_NOT_ALLOWED_405, "method-not-allowed", "Method not allowed",
                "CloudEvents are delivered with POST. " + InvalidEvent.SUPPORTED_MODES).send(response);
    }

    private static Consumer<BiConsumer<String, String>> forEach(Headers headers) {
        return visitor -> {
            for (Header header : headers) {
                visitor.accept(header.name(), header.get());
            }
        };
    }
}
