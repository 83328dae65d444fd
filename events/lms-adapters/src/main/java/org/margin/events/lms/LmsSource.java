package org.margin.events.lms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.margin.events.Lms;

/**
 * One LMS instance that sends webhooks for one tenant, with the keys its webhooks must be signed with: HMAC
 * secrets (several during a rotation) and/or the JWKS of signed JWT bodies with the issuer they must name.
 */
public final class LmsSource {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final int MIN_SECRET_BYTES = 32;

    private final String id;
    private final UUID institutionId;
    private final Lms lms;
    private final List<byte[]> hmacSecrets;
    private final Optional<JwtTrust> jwtTrust;

    private LmsSource(Builder builder) {
        this.id = builder.id;
        this.institutionId = builder.institutionId;
        this.lms = builder.lms;
        this.hmacSecrets = List.copyOf(builder.hmacSecrets);
        this.jwtTrust = Optional.ofNullable(builder.jwtTrust);
    }

    /**
     * A source named {@code id} (lower-case letters, digits, {@code . _ -}; it is the path segment or key the
     * ingress routes by), for the tenant {@code institutionId}, sending webhooks of the kind {@code lms}.
     */
    public static Builder builder(String id, UUID institutionId, Lms lms) {
        return new Builder(id, institutionId, lms);
    }

    public String id() {
        return id;
    }

    public UUID institutionId() {
        return institutionId;
    }

    public Lms lms() {
        return lms;
    }

    List<byte[]> hmacSecrets() {
        return hmacSecrets;
    }

    Optional<JwtTrust> jwtTrust() {
        return jwtTrust;
    }

    @Override
    public String toString() {
        return "LmsSource[" + id + ", " + lms.wireName() + "]";
    }

    /** The keys a signed JWT body must verify with, and the issuer it must name (if one is set). */
    record JwtTrust(JWKSource<SecurityContext> keys, Optional<String> issuer) {
    }

    public static final class Builder {

        private final String id;
        private final UUID institutionId;
        private final Lms lms;
        private final List<byte[]> hmacSecrets = new ArrayList<>();
        private JwtTrust jwtTrust;

        private Builder(String id, UUID institutionId, Lms lms) {
            this.id = Objects.requireNonNull(id, "id");
            this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
            this.lms = Objects.requireNonNull(lms, "lms");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("an LMS source id is lower-case letters, digits, '.', '_', '-'");
            }
        }

        /** A shared secret (at least 32 bytes) for {@link HmacSignature}; add the next one too while rotating. */
        public Builder hmacSecret(byte[] secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("an HMAC secret has at least " + MIN_SECRET_BYTES + " bytes");
            }
            hmacSecrets.add(secret.clone());
            return this;
        }

        /**
         * Accept JWT bodies signed with a key of {@code keys}. For Canvas give
         * {@code JWKSourceBuilder.create(new URL(jwksUrl)).build()}: it fetches on first use, caches, and refetches
         * when a token names an unknown {@code kid} (Canvas rotates monthly).
         *
         * @param issuer the {@code iss} every token must carry, or null to not check it
         */
        public Builder jwtKeys(JWKSource<SecurityContext> keys, String issuer) {
            this.jwtTrust = new JwtTrust(Objects.requireNonNull(keys, "keys"), Optional.ofNullable(issuer));
            return this;
        }

        /** Accept JWT bodies signed with a key of this fixed set. */
        public Builder jwtKeys(JWKSet keys, String issuer) {
            return jwtKeys(new ImmutableJWKSet<>(Objects.requireNonNull(keys, "keys")), issuer);
        }

        public LmsSource build() {
            if (hmacSecrets.isEmpty() && jwtTrust == null) {
                throw new IllegalStateException("an LMS source needs an HMAC secret or JWT keys: unsigned webhooks"
                        + " are never accepted");
            }
            return new LmsSource(this);
        }
    }
}
