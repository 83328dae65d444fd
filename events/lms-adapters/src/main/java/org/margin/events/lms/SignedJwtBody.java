package org.margin.events.lms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * A body that is a signed JWT whose claims are the webhook (Canvas Data Services with "Sign Payload"): its
 * signature is checked by Nimbus against the source's JWKS (key chosen by {@code kid}); issuer and times are
 * checked here against our clock.
 */
final class SignedJwtBody {

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private SignedJwtBody() {
    }

    /** What checking the token gave. */
    sealed interface Checked {
    }

    record Valid(byte[] claimsJson, String deliveryId, Instant retainUntil) implements Checked {
    }

    record Invalid(Authenticity.Failure failure) implements Checked {
    }

    /** The key source could not be read (e.g. the JWKS endpoint is down): retry later. */
    record KeysUnavailable() implements Checked {
    }

    static boolean looksLikeJwt(String body) {
        return COMPACT_JWS.matcher(body).matches();
    }

    static Checked check(String token, LmsSource.JwtTrust trust, Instant now, WebhookWindow window) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, trust.keys()));
            processor.setJWTClaimsSetVerifier((claimsSet, context) -> {
                // Issuer and times are checked below, against the injected clock.
            });
            claims = processor.process(jwt, null);
        } catch (ParseException | BadJOSEException e) {
            return new Invalid(new Authenticity.BadSignature());
        } catch (JOSEException e) {
            return new KeysUnavailable();
        }
        if (trust.issuer().isPresent() && !trust.issuer().get().equals(claims.getIssuer())) {
            return new Invalid(new Authenticity.BadSignature());
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().plus(window.clockSkew()).isAfter(now)) {
            return new Invalid(new Authenticity.Stale());
        }
        if (isFuture(claims.getIssueTime(), now, window) || isFuture(claims.getNotBeforeTime(), now, window)) {
            return new Invalid(new Authenticity.Stale());
        }
        String deliveryId = claims.getJWTID() != null ? "jti:" + claims.getJWTID() : "sha256:" + sha256(token);
        Instant retainUntil = expiry.toInstant().plus(window.clockSkew());
        return new Valid(jwt.getPayload().toBytes(), deliveryId, retainUntil);
    }

    private static boolean isFuture(Date time, Instant now, WebhookWindow window) {
        return time != null && time.toInstant().isAfter(now.plus(window.clockSkew()));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
