package org.margin.runtime.cloudevents;

import java.time.Duration;
import java.util.Objects;

import io.cloudevents.CloudEvent;

/**
 * How a handler disposed of an event, which fixes the HTTP answer per the Knative eventing data-plane contract.
 * Reasons are sent to the sender: they say why in fixed words and never quote the event's data.
 */
public sealed interface EventOutcome {

    /** Handled, with an event in reply: 200, the reply in binary mode. */
    record Reply(CloudEvent event) implements EventOutcome {
        public Reply {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Handled, nothing to reply: 202. */
    record Accepted() implements EventOutcome {
    }

    /** Refused, and it will never succeed, so the sender must not retry: 422 with the reason. */
    record Rejected(String reason) implements EventOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not handled now, may succeed later: 503, or 429 when the cause is load, with {@code Retry-After}; the
     * sender retries.
     */
    record RetryLater(String reason, Duration retryAfter, Cause cause) implements EventOutcome {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Why a retry may succeed. */
    enum Cause {
        /** Something the handler needs is unavailable (503). */
        UNAVAILABLE,
        /** The function is overloaded (429). */
        OVERLOADED
    }

    static EventOutcome reply(CloudEvent event) {
        return new Reply(event);
    }

    static EventOutcome accepted() {
        return new Accepted();
    }

    static EventOutcome rejected(String reason) {
        return new Rejected(reason);
    }

    static EventOutcome retryLater(String reason, Duration retryAfter) {
        return new RetryLater(reason, retryAfter, Cause.UNAVAILABLE);
    }

    static EventOutcome overloaded(String reason, Duration retryAfter) {
        return new RetryLater(reason, retryAfter, Cause.OVERLOADED);
    }
}
