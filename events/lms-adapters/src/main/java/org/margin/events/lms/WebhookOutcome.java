package org.margin.events.lms;

import java.util.List;
import java.util.Objects;

/**
 * What became of one webhook delivery. Suggested answers for the ingress: {@link Accepted} 202 (after storing),
 * {@link Ignored} 202, {@link Rejected} 400, {@link NotAuthentic} 401 or 409 for {@link Authenticity.Replayed},
 * {@link UnknownSource} 404, {@link RetryLater} 503. Reasons are fixed words and never quote the payload.
 */
public sealed interface WebhookOutcome {

    /**
     * Authentic and about one or more submissions (a Caliper envelope or an xAPI batch may carry several). If
     * they cannot be stored, give the delivery back with {@link LmsWebhooks#release(Accepted)} before answering
     * with a retryable status, so the sender's retry is not taken for a replay.
     */
    record Accepted(LmsSource source, Authenticity.Verified verified, List<SubmissionReceived> submissions)
            implements WebhookOutcome {
        public Accepted {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(verified, "verified");
            submissions = List.copyOf(submissions);
            if (submissions.isEmpty()) {
                throw new IllegalArgumentException("an accepted webhook carries at least one submission");
            }
        }
    }

    /** Authentic, well formed, but about something other than a submission: nothing to do. */
    record Ignored(String reason) implements WebhookOutcome {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Authentic but not a payload this source's format allows; resending it will not help. */
    record Rejected(String reason) implements WebhookOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not provably from the source, fresh and new. */
    record NotAuthentic(Authenticity.Failure failure) implements WebhookOutcome {
        public NotAuthentic {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** No LMS source has this id. */
    record UnknownSource() implements WebhookOutcome {
    }

    /** Authenticity could not be decided now (the JWKS or the replay guard was unreachable). */
    record RetryLater(String reason) implements WebhookOutcome {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
