package org.margin.events.lms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives LMS webhooks: checks that a delivery comes from its source, now and once, then reads it in the
 * source's format into {@link SubmissionReceived}s.
 *
 * <pre>{@code
 * LmsWebhooks webhooks = LmsWebhooks.builder()
 *         .source(LmsSource.builder("moodle-north", institutionId, Lms.MOODLE).hmacSecret(secret).build())
 *         .replayGuard(gridBackedGuard)
 *         .build();
 * WebhookOutcome outcome = webhooks.receive("moodle-north", request.headers(), request.body());
 * }</pre>
 *
 * Order of checks: source known; signature (HMAC header, else a JWT body); freshness; replay; then the payload. A
 * body is parsed only once it is authentic. Thread-safe; nothing is loaded or fetched before the first webhook.
 */
public final class LmsWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LmsSourceDirectory sources;
    private final ReplayGuard replayGuard;
    private final WebhookWindow window;
    private final Clock clock;

    private LmsWebhooks(Builder builder) {
        Map<String, LmsSource> fixed = Map.copyOf(builder.fixedSources);
        this.sources = builder.directory != null ? builder.directory : id -> Optional.ofNullable(fixed.get(id));
        this.replayGuard = builder.replayGuard;
        this.window = new WebhookWindow(builder.replayWindow, builder.clockSkew);
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Receives one delivery.
     *
     * @param lmsSourceId the source the delivery was addressed to (e.g. a path segment of the ingress URL)
     * @param headers     the request headers; names are matched case-insensitively
     * @param body        the raw request body, exactly as received (the signature covers these bytes)
     */
    public WebhookOutcome receive(String lmsSourceId, Map<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(lmsSourceId, "lmsSourceId");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Optional<LmsSource> found = sources.find(lmsSourceId);
        if (found.isEmpty()) {
            return new WebhookOutcome.UnknownSource();
        }
        LmsSource source = found.get();
        Instant now = clock.instant();

        Signed signed = signature(source, headers, body, now);
        return switch (signed) {
            case Signed.Failed failed -> new WebhookOutcome.NotAuthentic(failed.failure());
            case Signed.KeysUnavailable unavailable ->
                    new WebhookOutcome.RetryLater("the LMS source's signing keys cannot be read now");
            case Signed.Good good -> once(source, good);
        };
    }

    /**
     * Gives back an accepted delivery that could not be processed, so that the sender's retry of it is accepted
     * rather than refused as a replay.
     */
    public void release(WebhookOutcome.Accepted accepted) {
        replayGuard.release(accepted.source().id(), accepted.verified().deliveryId());
    }

    private WebhookOutcome once(LmsSource source, Signed.Good good) {
        boolean first;
        try {
            first = replayGuard.claim(source.id(), good.deliveryId(), good.retainUntil());
        } catch (ReplayGuardUnavailable e) {
            return new WebhookOutcome.RetryLater("replays cannot be ruled out now");
        }
        if (!first) {
            return new WebhookOutcome.NotAuthentic(new Authenticity.Replayed());
        }
        Authenticity.Verified verified = new Authenticity.Verified(good.scheme(), good.deliveryId());
        JsonNode payload;
        try {
            payload = JSON.readTree(good.payload());
        } catch (JacksonException e) {
            return new WebhookOutcome.Rejected("the webhook body is not JSON");
        }
        if (payload == null || !(payload.isObject() || payload.isArray())) {
            return new WebhookOutcome.Rejected("the webhook body is not a JSON object");
        }
        try {
            List<SubmissionReceived> submissions = PayloadParser.forSource(source).parse(payload, source);
            if (submissions.isEmpty()) {
                return new WebhookOutcome.Ignored("the webhook is not about a submission");
            }
            return new WebhookOutcome.Accepted(source, verified, submissions);
        } catch (MalformedPayload e) {
            return new WebhookOutcome.Rejected(e.getMessage());
        }
    }

    private Signed signature(LmsSource source, Map<String, List<String>> headers, byte[] body, Instant now) {
        Optional<String> header = header(headers, HmacSignature.HEADER);
        if (header.isPresent()) {
            return source.hmacSecrets().isEmpty() ? new Signed.Failed(new Authenticity.Unsigned())
                    : hmac(source, header.get(), body, now);
        }
        if (source.jwtTrust().isPresent()) {
            String token = new String(body, StandardCharsets.US_ASCII).strip();
            if (SignedJwtBody.looksLikeJwt(token)) {
                return switch (SignedJwtBody.check(token, source.jwtTrust().get(), now, window)) {
                    case SignedJwtBody.Valid valid -> new Signed.Good(Authenticity.Scheme.JWT, valid.deliveryId(),
                            valid.retainUntil(), valid.claimsJson());
                    case SignedJwtBody.Invalid invalid -> new Signed.Failed(invalid.failure());
                    case SignedJwtBody.KeysUnavailable unavailable -> new Signed.KeysUnavailable();
                };
            }
        }
        return new Signed.Failed(new Authenticity.Unsigned());
    }

    private Signed hmac(LmsSource source, String headerValue, byte[] body, Instant now) {
        Optional<HmacSignature.Header> header = HmacSignature.Header.parse(headerValue);
        if (header.isEmpty()) {
            return new Signed.Failed(new Authenticity.BadSignature());
        }
        Optional<byte[]> signature = HmacSignature.verified(header.get(), source.hmacSecrets(), body);
        if (signature.isEmpty()) {
            return new Signed.Failed(new Authenticity.BadSignature());
        }
        Instant signedAt = Instant.ofEpochSecond(header.get().unixSeconds());
        if (signedAt.isBefore(now.minus(window.replayWindow())) || signedAt.isAfter(now.plus(window.clockSkew()))) {
            return new Signed.Failed(new Authenticity.Stale());
        }
        // The signature itself identifies the delivery: a header naming one would not be covered by it.
        return new Signed.Good(Authenticity.Scheme.HMAC_SHA256, "hmac:" + HmacSignature.hex(signature.get()),
                signedAt.plus(window.replayWindow()).plus(window.clockSkew()), body);
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return Optional.ofNullable(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** The signature check's result, before the replay check. */
    private sealed interface Signed {

        record Good(Authenticity.Scheme scheme, String deliveryId, Instant retainUntil, byte[] payload)
                implements Signed {
        }

        record Failed(Authenticity.Failure failure) implements Signed {
        }

        record KeysUnavailable() implements Signed {
        }
    }

    public static final class Builder {

        private final Map<String, LmsSource> fixedSources = new HashMap<>();
        private LmsSourceDirectory directory;
        private ReplayGuard replayGuard;
        private Duration replayWindow = Duration.ofMinutes(5);
        private Duration clockSkew = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** A source known at build time; use {@link #sources(LmsSourceDirectory)} for sources kept elsewhere. */
        public Builder source(LmsSource source) {
            Objects.requireNonNull(source, "source");
            if (fixedSources.putIfAbsent(source.id(), source) != null) {
                throw new IllegalArgumentException("two LMS sources have the same id");
            }
            return this;
        }

        /** Where sources are looked up per delivery, instead of {@link #source(LmsSource)}. */
        public Builder sources(LmsSourceDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Required: the memory of accepted deliveries, shared by every instance of the ingress. */
        public Builder replayGuard(ReplayGuard replayGuard) {
            this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
            return this;
        }

        /** How old a signed timestamp may be (default 5 minutes). */
        public Builder replayWindow(Duration replayWindow) {
            this.replayWindow = positive(replayWindow, "replayWindow");
            return this;
        }

        /** How far ahead of ours a sender's clock may be (default 30 seconds). */
        public Builder clockSkew(Duration clockSkew) {
            Objects.requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("clockSkew cannot be negative");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public LmsWebhooks build() {
            if (replayGuard == null) {
                throw new IllegalStateException("a replay guard is required");
            }
            if (directory != null && !fixedSources.isEmpty()) {
                throw new IllegalStateException("give sources either one by one or as a directory, not both");
            }
            return new LmsWebhooks(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
