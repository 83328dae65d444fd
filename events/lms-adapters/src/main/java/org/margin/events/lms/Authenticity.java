package org.margin.events.lms;

import java.util.Objects;

/**
 * Whether a webhook provably comes from its LMS source, now and once. The ingress answers a {@link Failure} with
 * 401 ({@link Unsigned}, {@link BadSignature}, {@link Stale}) or 409 ({@link Replayed}). Reasons are fixed words.
 */
public sealed interface Authenticity {

    /** Signed with a key of the source, fresh, and not seen before. */
    record Verified(Scheme scheme, String deliveryId) implements Authenticity {
        public Verified {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(deliveryId, "deliveryId");
        }
    }

    /** Why a webhook is not taken as authentic. */
    sealed interface Failure extends Authenticity {
        String reason();
    }

    /** It carries no signature in a scheme the source accepts. */
    record Unsigned() implements Failure {
        @Override
        public String reason() {
            return "the webhook is not signed in a way this LMS source accepts";
        }
    }

    /** A signature is there but does not verify with the source's keys (or its header or token is malformed). */
    record BadSignature() implements Failure {
        @Override
        public String reason() {
            return "the webhook signature does not verify";
        }
    }

    /** The signed timestamp lies outside the replay window, or the token has expired or is not yet valid. */
    record Stale() implements Failure {
        @Override
        public String reason() {
            return "the webhook signature is too old or dated in the future";
        }
    }

    /** The same signed delivery was accepted before. */
    record Replayed() implements Failure {
        @Override
        public String reason() {
            return "the webhook was delivered before";
        }
    }

    /** How a webhook was signed. */
    enum Scheme {
        /** {@code X-Margin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, see {@link HmacSignature}. */
        HMAC_SHA256,
        /** The body is a JWT signed with a key of the source's JWKS (Canvas Data Services "Sign Payload"). */
        JWT
    }
}
