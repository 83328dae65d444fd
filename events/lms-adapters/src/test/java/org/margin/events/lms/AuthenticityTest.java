package org.margin.events.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.margin.events.lms.Fixtures.INSTITUTION;
import static org.margin.events.lms.Fixtures.MOODLE;
import static org.margin.events.lms.Fixtures.NOW;
import static org.margin.events.lms.Fixtures.SECRET;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.margin.events.Lms;

class AuthenticityTest {

    private static final String ISSUER = "https://live-events.example-canvas.net";
    private static final RSAKey CANVAS_KEY = rsa("canvas-2026-03");
    private static final RSAKey STRANGER_KEY = rsa("canvas-2026-03");

    private static final LmsSource SIGNED_CANVAS = LmsSource.builder("canvas-south", INSTITUTION, Lms.CANVAS)
            .jwtKeys(new JWKSet(CANVAS_KEY.toPublicJWK()), ISSUER).build();

    private final byte[] moodleBody = Fixtures.bytes(Fixtures.json("moodle-assessable-submitted.json"));
    private final InMemoryReplayGuard guard = new InMemoryReplayGuard(Fixtures.CLOCK);
    private final LmsWebhooks webhooks = Fixtures.webhooks(guard, MOODLE, SIGNED_CANVAS, Fixtures.CANVAS);

    @Test
    void hmacSignedFreshDeliveryIsVerified() {
        WebhookOutcome outcome = webhooks.receive("moodle-north", Fixtures.signed(moodleBody), moodleBody);

        assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Accepted.class, accepted -> {
            assertThat(accepted.verified().scheme()).isEqualTo(Authenticity.Scheme.HMAC_SHA256);
            assertThat(accepted.verified().deliveryId()).matches("hmac:[0-9a-f]{64}");
            assertThat(accepted.source()).isSameAs(MOODLE);
        });
    }

    @Test
    void headerNameIsMatchedWithoutRegardToCase() {
        String value = HmacSignature.sign(SECRET, NOW.getEpochSecond(), moodleBody);
        assertThat(webhooks.receive("moodle-north", Map.of("x-margin-signature", List.of(value)), moodleBody))
                .isInstanceOf(WebhookOutcome.Accepted.class);
    }

    @Test
    void noSignatureIsUnsigned() {
        assertNotAuthentic(webhooks.receive("moodle-north", Map.of(), moodleBody), new Authenticity.Unsigned());
        assertNotAuthentic(webhooks.receive("moodle-north", Map.of("Authorization", List.of("Bearer x")), moodleBody),
                new Authenticity.Unsigned());
    }

    @Test
    void wrongSecretTamperedBodyOrMalformedHeaderIsABadSignature() {
        byte[] wrongSecret = "somebody else's secret, at least 32 bytes".getBytes(StandardCharsets.UTF_8);
        String forged = HmacSignature.sign(wrongSecret, NOW.getEpochSecond(), moodleBody);
        assertNotAuthentic(webhooks.receive("moodle-north", header(forged), moodleBody),
                new Authenticity.BadSignature());

        byte[] tampered = new String(moodleBody, StandardCharsets.UTF_8).replace("1207", "1208")
                .getBytes(StandardCharsets.UTF_8);
        assertNotAuthentic(webhooks.receive("moodle-north", Fixtures.signed(moodleBody), tampered),
                new Authenticity.BadSignature());

        String good = HmacSignature.sign(SECRET, NOW.getEpochSecond(), moodleBody);
        String otherTime = good.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 1));
        for (String malformed : List.of("v1=abc", "t=1772460300", "t=soon,v1=00", good + ",v1=not-hex", "garbage",
                otherTime)) {
            assertNotAuthentic(webhooks.receive("moodle-north", header(malformed), moodleBody),
                    new Authenticity.BadSignature());
        }
    }

    @Test
    void timestampOutsideTheWindowIsStale() {
        assertNotAuthentic(webhooks.receive("moodle-north", Fixtures.signed(moodleBody, NOW.minusSeconds(301)),
                moodleBody), new Authenticity.Stale());
        assertNotAuthentic(webhooks.receive("moodle-north", Fixtures.signed(moodleBody, NOW.plusSeconds(31)),
                moodleBody), new Authenticity.Stale());

        assertThat(webhooks.receive("moodle-north", Fixtures.signed(moodleBody, NOW.minusSeconds(299)), moodleBody))
                .isInstanceOf(WebhookOutcome.Accepted.class);
        assertThat(webhooks.receive("moodle-north", Fixtures.signed(moodleBody, NOW.plusSeconds(29)), moodleBody))
                .isInstanceOf(WebhookOutcome.Accepted.class);
    }

    @Test
    void theSameDeliveryTwiceIsReplayedUntilReleased() {
        Map<String, List<String>> headers = Fixtures.signed(moodleBody);
        WebhookOutcome first = webhooks.receive("moodle-north", headers, moodleBody);
        assertThat(first).isInstanceOf(WebhookOutcome.Accepted.class);

        assertNotAuthentic(webhooks.receive("moodle-north", headers, moodleBody), new Authenticity.Replayed());

        webhooks.release((WebhookOutcome.Accepted) first);
        assertThat(webhooks.receive("moodle-north", headers, moodleBody)).isInstanceOf(WebhookOutcome.Accepted.class);

        assertThat(webhooks.receive("moodle-north", Fixtures.signed(moodleBody, NOW.minusSeconds(1)), moodleBody))
                .as("the sender's own retry is signed anew").isInstanceOf(WebhookOutcome.Accepted.class);
    }

    @Test
    void replayedDeliveryIsForgottenOnceItWouldBeStaleAnyway() {
        Instant signedAt = NOW.minusSeconds(10);
        assertThat(guard.claim("moodle-north", "hmac:aa", signedAt.plusSeconds(330))).isTrue();
        assertThat(guard.claim("moodle-north", "hmac:aa", signedAt.plusSeconds(330))).isFalse();
        assertThat(guard.claim("moodle-south", "hmac:aa", signedAt.plusSeconds(330))).isTrue();

        InMemoryReplayGuard later = new InMemoryReplayGuard(java.time.Clock.fixed(signedAt.plusSeconds(331),
                java.time.ZoneOffset.UTC));
        assertThat(later.claim("moodle-north", "hmac:aa", signedAt.plusSeconds(330))).isTrue();
        assertThat(later.claim("moodle-north", "hmac:aa", signedAt.plusSeconds(330))).isTrue();
    }

    @Test
    void eitherSecretOfARotationVerifies() {
        LmsSource rotating = LmsSource.builder("moodle-north", INSTITUTION, Lms.MOODLE)
                .hmacSecret(SECRET).hmacSecret(Fixtures.NEXT_SECRET).build();
        LmsWebhooks receiver = Fixtures.webhooks(new InMemoryReplayGuard(Fixtures.CLOCK), rotating);

        String next = HmacSignature.sign(Fixtures.NEXT_SECRET, NOW.getEpochSecond(), moodleBody);
        assertThat(receiver.receive("moodle-north", header(next), moodleBody))
                .isInstanceOf(WebhookOutcome.Accepted.class);

        long at = NOW.getEpochSecond() - 1;
        String retired = HmacSignature.sign("an old secret that is no longer configured".getBytes(
                StandardCharsets.UTF_8), at, moodleBody).split(",")[1];
        String current = HmacSignature.sign(SECRET, at, moodleBody).split(",")[1];
        String both = "t=" + at + "," + retired + "," + current;
        assertThat(receiver.receive("moodle-north", header(both), moodleBody))
                .isInstanceOf(WebhookOutcome.Accepted.class);
    }

    @Test
    void canvasJwtSignedWithAKeyOfTheJwksIsVerifiedAndRead() throws Exception {
        String token = canvasToken(CANVAS_KEY, ISSUER, NOW.plusSeconds(600), "delivery-1");

        WebhookOutcome outcome = webhooks.receive("canvas-south", Map.of("Content-Type", List.of("application/jwt")),
                token.getBytes(StandardCharsets.US_ASCII));
        assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Accepted.class, accepted -> {
            assertThat(accepted.verified()).isEqualTo(new Authenticity.Verified(Authenticity.Scheme.JWT, "jti:delivery-1"));
            assertThat(accepted.submissions()).singleElement().satisfies(submission -> {
                assertThat(submission.lmsSubmissionId()).isEqualTo("48210000000283344");
                assertThat(submission.lmsSourceId()).isEqualTo("canvas-south");
            });
        });

        assertNotAuthentic(webhooks.receive("canvas-south", Map.of(), token.getBytes(StandardCharsets.US_ASCII)),
                new Authenticity.Replayed());
    }

    @Test
    void jwtWithoutJtiIsIdentifiedByItsDigest() throws Exception {
        String token = canvasToken(CANVAS_KEY, ISSUER, NOW.plusSeconds(600), null);
        assertThat(webhooks.receive("canvas-south", Map.of(), (token + "\n").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(WebhookOutcome.Accepted.class, accepted ->
                        assertThat(accepted.verified().deliveryId()).matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void jwtFromAnotherKeyOrIssuerOrAlgorithmIsABadSignature() throws Exception {
        assertJwt(canvasToken(STRANGER_KEY, ISSUER, NOW.plusSeconds(600), "d-2"), new Authenticity.BadSignature());
        assertJwt(canvasToken(rsa("unknown-kid"), ISSUER, NOW.plusSeconds(600), "d-3"), new Authenticity.BadSignature());
        assertJwt(canvasToken(CANVAS_KEY, "https://elsewhere.example.net", NOW.plusSeconds(600), "d-4"),
                new Authenticity.BadSignature());

        SignedJWT hmacSigned = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("canvas-2026-03").build(),
                claims(ISSUER, NOW.plusSeconds(600), "d-5"));
        hmacSigned.sign(new MACSigner(new byte[32]));
        assertJwt(hmacSigned.serialize(), new Authenticity.BadSignature());

        String token = canvasToken(CANVAS_KEY, ISSUER, NOW.plusSeconds(600), "d-6");
        String[] parts = token.split("\\.");
        String swappedPayload = parts[0] + "." + canvasToken(CANVAS_KEY, ISSUER, NOW.plusSeconds(900), "d-7")
                .split("\\.")[1] + "." + parts[2];
        assertJwt(swappedPayload, new Authenticity.BadSignature());
    }

    @Test
    void expiredOrUndatedJwtIsStale() throws Exception {
        assertJwt(canvasToken(CANVAS_KEY, ISSUER, NOW.minusSeconds(31), "d-8"), new Authenticity.Stale());
        assertJwt(canvasToken(CANVAS_KEY, ISSUER, null, "d-9"), new Authenticity.Stale());

        SignedJWT future = new SignedJWT(header(), new JWTClaimsSet.Builder(claims(ISSUER, NOW.plusSeconds(600), "d-10"))
                .issueTime(Date.from(NOW.plusSeconds(120))).build());
        future.sign(new RSASSASigner(CANVAS_KEY));
        assertJwt(future.serialize(), new Authenticity.Stale());
    }

    @Test
    void aJwtToASourceWithoutJwtKeysIsUnsigned() throws Exception {
        String token = canvasToken(CANVAS_KEY, ISSUER, NOW.plusSeconds(600), "d-11");
        assertNotAuthentic(webhooks.receive("canvas-north", Map.of(), token.getBytes(StandardCharsets.US_ASCII)),
                new Authenticity.Unsigned());
        assertNotAuthentic(webhooks.receive("canvas-south", Map.of(), moodleBody), new Authenticity.Unsigned());
        assertNotAuthentic(webhooks.receive("canvas-south", Fixtures.signed(moodleBody), moodleBody),
                new Authenticity.Unsigned());
    }

    @Test
    void unreachableKeysOrReplayGuardMeanRetryLater() throws Exception {
        LmsSource unreachable = LmsSource.builder("canvas-east", INSTITUTION, Lms.CANVAS)
                .jwtKeys((selector, context) -> {
                    throw new KeySourceException("JWKS endpoint unreachable");
                }, ISSUER).build();
        LmsWebhooks receiver = Fixtures.webhooks(guard, unreachable);
        String token = canvasToken(CANVAS_KEY, ISSUER, NOW.plusSeconds(600), "d-12");
        assertThat(receiver.receive("canvas-east", Map.of(), token.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(WebhookOutcome.RetryLater.class);

        ReplayGuard down = new ReplayGuard() {
            @Override
            public boolean claim(String lmsSourceId, String deliveryId, Instant retainUntil) {
                throw new ReplayGuardUnavailable(new IllegalStateException("grid unreachable"));
            }

            @Override
            public void release(String lmsSourceId, String deliveryId) {
            }
        };
        assertThat(Fixtures.webhooks(down, MOODLE).receive("moodle-north", Fixtures.signed(moodleBody), moodleBody))
                .isEqualTo(new WebhookOutcome.RetryLater("replays cannot be ruled out now"));
    }

    @Test
    void unknownSourceIsSaidSo() {
        assertThat(webhooks.receive("moodle-west", Fixtures.signed(moodleBody), moodleBody))
                .isEqualTo(new WebhookOutcome.UnknownSource());
    }

    @Test
    void sourcesMustBeSignedAndWellNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                LmsSource.builder("moodle-north", INSTITUTION, Lms.MOODLE).build())
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                LmsSource.builder("moodle-north", INSTITUTION, Lms.MOODLE).hmacSecret(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                LmsSource.builder("Moodle North", INSTITUTION, Lms.MOODLE))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LmsWebhooks.builder().build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(LmsWebhooks.builder().replayGuard(guard).replayWindow(Duration.ofMinutes(2))
                .sources(id -> java.util.Optional.empty()).build().receive("any", Map.of(), moodleBody))
                .isEqualTo(new WebhookOutcome.UnknownSource());
    }

    private void assertJwt(String token, Authenticity.Failure expected) {
        assertNotAuthentic(webhooks.receive("canvas-south", Map.of(), token.getBytes(StandardCharsets.US_ASCII)),
                expected);
    }

    private static void assertNotAuthentic(WebhookOutcome outcome, Authenticity.Failure expected) {
        assertThat(outcome).isEqualTo(new WebhookOutcome.NotAuthentic(expected));
    }

    private static Map<String, List<String>> header(String value) {
        return Map.of(HmacSignature.HEADER, List.of(value));
    }

    private static String canvasToken(RSAKey key, String issuer, Instant expiry, String jti) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims(issuer, expiry, jti));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWSHeader header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(CANVAS_KEY.getKeyID()).build();
    }

    /** The live event as claims, as Canvas's "Sign Payload" delivers it, with the registered claims added. */
    private static JWTClaimsSet claims(String issuer, Instant expiry, String jti) {
        try {
            JWTClaimsSet event = JWTClaimsSet.parse(Fixtures.text("canvas-submission-created.json"));
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(event).issuer(issuer)
                    .issueTime(Date.from(NOW.minusSeconds(1))).jwtID(jti);
            if (expiry != null) {
                builder.expirationTime(Date.from(expiry));
            }
            return builder.build();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
