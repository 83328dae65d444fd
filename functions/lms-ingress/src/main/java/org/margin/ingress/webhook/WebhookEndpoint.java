package org.margin.ingress.webhook;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.margin.events.Lms;
import org.margin.events.MarginEvents;
import org.margin.events.SubmissionCreated;
import org.margin.events.lms.Authenticity;
import org.margin.events.lms.LmsWebhooks;
import org.margin.events.lms.SubmissionReceived;
import org.margin.events.lms.WebhookOutcome;
import org.margin.ingress.intake.Intake;
import org.margin.ingress.intake.SubmissionIntake;
import org.margin.platform.consent.HeldEventRelay;
import org.margin.platform.consent.ParentalConsent;
import org.margin.privacy.crypto.KeysetUnavailableException;
import org.margin.runtime.cloudevents.sink.EventNotDelivered;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.http.Problem;
import org.margin.store.StoreException;

import io.cloudevents.CloudEvent;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /webhooks/{source}}: a webhook of the LMS source configured under that id. Authentic, fresh and new
 * submissions are taken through the door and announced as {@code submission.created}, then the LMS gets 202; the
 * event of a child without a parent's consent (COPPA) is held instead, and announced when that consent arrives. What
 * will never succeed gets 4xx with the reason (400 malformed, 401 not authentic, 404 unknown source, 409 replayed,
 * 413 too large); what may succeed later gets 503 with {@code Retry-After} and the delivery is released, so the
 * LMS's retry is not mistaken for a replay. Submission event ids derive from the submission's id, so a retry that
 * emits again is dropped downstream as a duplicate.
 */
public final class WebhookEndpoint implements HttpService {

    private static final System.Logger LOG = System.getLogger(WebhookEndpoint.class.getName());
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final LmsWebhooks webhooks;
    private final SubmissionIntake intake;
    private final MarginEvents events;
    private final EventSink sink;
    private final ParentalConsent parentalConsent;
    private final HeldEventRelay held;

    public WebhookEndpoint(LmsWebhooks webhooks, SubmissionIntake intake, MarginEvents events, EventSink sink,
                           ParentalConsent parentalConsent, HeldEventRelay held) {
        this.webhooks = webhooks;
        this.intake = intake;
        this.events = events;
        this.sink = sink;
        this.parentalConsent = parentalConsent;
        this.held = held;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{source}", this::receive)
                .any("/{source}", this::methodNotAllowed)
                .any(this::unknownPath);
    }

    private void receive(ServerRequest request, ServerResponse response) throws IOException {
        OptionalLong declared = request.headers().contentLength();
        byte[] body = declared.isPresent() && declared.getAsLong() > MAX_BODY_BYTES
                ? null
                : request.content().inputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body == null || body.length > MAX_BODY_BYTES) {
            Problem.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "webhook-too-large", "Webhook too large",
                    "A webhook may carry at most " + MAX_BODY_BYTES + " bytes.").send(response);
            return;
        }
        String source = request.path().pathParameters().get("source");
        switch (webhooks.receive(source, headers(request), body)) {
            case WebhookOutcome.Accepted accepted -> take(accepted, response);
            case WebhookOutcome.Ignored ignored -> summary(response, 0, 0, 0, ignored.reason());
            case WebhookOutcome.Rejected rejected -> Problem.of(Status.BAD_REQUEST_400, "webhook-malformed",
                    "Malformed webhook", rejected.reason()).send(response);
            case WebhookOutcome.NotAuthentic(Authenticity.Failure failure) -> notAuthentic(failure, response);
            case WebhookOutcome.UnknownSource unknown -> Problem.of(Status.NOT_FOUND_404, "unknown-lms-source",
                    "Unknown LMS source", "No LMS source is configured under this id.").send(response);
            case WebhookOutcome.RetryLater later -> Problem.of(Status.SERVICE_UNAVAILABLE_503, "retry-later",
                    "Temporarily unavailable", later.reason()).send(response, RETRY_AFTER);
        }
    }

    private void take(WebhookOutcome.Accepted accepted, ServerResponse response) {
        int stored = 0;
        int awaitingText = 0;
        int heldBack = 0;
        try {
            List<CloudEvent> announced = new ArrayList<>();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (SubmissionReceived received : accepted.submissions()) {
                switch (intake.take(received)) {
                    case Intake.Stored done -> {
                        CloudEvent event = created(done, received.lms());
                        if (parentalConsent.required(done.tenant(), done.student(), done.dateOfBirth(), today)) {
                            held.hold(done.tenant(), done.student(), event);
                            if (parentalConsent.required(done.tenant(), done.student(), done.dateOfBirth(),
                                    today)) {
                                heldBack++;
                            } else {
                                // The consent arrived meanwhile and its release may have run before this hold.
                                held.release(done.tenant(), done.student(), sink);
                            }
                        } else {
                            announced.add(event);
                        }
                        stored++;
                    }
                    case Intake.AwaitingText waiting -> awaitingText++;
                    case Intake.Empty empty -> {
                    }
                }
            }
            announced.forEach(sink::send);
        } catch (StoreException e) {
            webhooks.release(accepted);
            if (!e.retryable()) {
                Problem.of(Status.UNPROCESSABLE_CONTENT_422, "webhook-refused", "Submission refused",
                        "The submission could not be stored as sent.").send(response);
                return;
            }
            unavailable(response, "The store is unavailable.");
            return;
        } catch (KeysetUnavailableException e) {
            webhooks.release(accepted);
            unavailable(response, "The keys are unavailable.");
            return;
        } catch (EventNotDelivered e) {
            webhooks.release(accepted);
            if (!e.retryable()) {
                LOG.log(Level.ERROR, () -> "The broker refused a submission event: " + e.getMessage());
            }
            unavailable(response, "The event broker is unavailable.");
            return;
        }
        summary(response, stored, awaitingText, heldBack, null);
    }

    private CloudEvent created(Intake.Stored stored, Lms lms) {
        UUID submission = stored.submission().value();
        return events.createFor(new SubmissionCreated(stored.tenant().value(), stored.course().value(), submission,
                stored.student().value(), stored.submittedAt(), lms), submission.toString());
    }

    private static void unavailable(ServerResponse response, String reason) {
        Problem.of(Status.SERVICE_UNAVAILABLE_503, "retry-later", "Temporarily unavailable",
                reason + " Send the webhook again.").send(response, RETRY_AFTER);
    }

    private static void notAuthentic(Authenticity.Failure failure, ServerResponse response) {
        if (failure instanceof Authenticity.Replayed) {
            Problem.of(Status.CONFLICT_409, "webhook-replayed", "Webhook replayed", failure.reason()).send(response);
            return;
        }
        response.header(HeaderNames.WWW_AUTHENTICATE, "Signature realm=\"margin-webhooks\"");
        Problem.of(Status.UNAUTHORIZED_401, "webhook-not-authentic", "Webhook not authentic", failure.reason())
                .send(response);
    }

    private static void summary(ServerResponse response, int stored, int awaitingText, int held, String ignored) {
        StringBuilder json = new StringBuilder("{\"stored\":").append(stored)
                .append(",\"awaitingText\":").append(awaitingText);
        if (held > 0) {
            json.append(",\"held\":").append(held);
        }
        if (ignored != null) {
            json.append(",\"ignored\":\"").append(ignored.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        response.status(Status.ACCEPTED_202)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    private void methodNotAllowed(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.ALLOW, "POST");
        Problem.of(Status.METHOD_NOT_ALLOWED_405, "method-not-allowed", "Method not allowed",
                "Webhooks are delivered with POST.").send(response);
    }

    private void unknownPath(ServerRequest request, ServerResponse response) {
        Problem.of(Status.NOT_FOUND_404, "unknown-lms-source", "Unknown LMS source",
                "Webhooks go to /webhooks/{source}, the id of a configured LMS source.").send(response);
    }

    private static Map<String, List<String>> headers(ServerRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : request.headers()) {
            headers.put(header.name(), header.allValues());
        }
        return headers;
    }
}
