package org.margin.runtime.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.margin.runtime.RuntimeSettings;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A development token issuer's signing logic: an EC P-256 key made in memory, its public JWKS, and ES256 access
 * tokens carrying Margin's claims. For local mode and tests only; the key never leaves the process, so tokens die
 * with it. Tests of any module use it to mint tokens and hand {@link #jwks()} to a function as {@code MARGIN_JWKS}.
 */
public final class DevTokens {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final String issuer;
    private final ECKey key;
    private final Clock clock;

    private DevTokens(String issuer, ECKey key, Clock clock) {
        this.issuer = issuer;
        this.key = key;
        this.clock = clock;
    }

    /** An issuer named {@code issuer} with a fresh key. */
    public static DevTokens generate(String issuer) {
        return generate(issuer, Clock.systemUTC());
    }

    public static DevTokens generate(String issuer, Clock clock) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new DevTokens(Objects.requireNonNull(issuer, "issuer"), key, clock);
        } catch (JOSEException failed) {
            throw new IllegalStateException("could not generate an EC P-256 key", failed);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The key id tokens name in their header. */
    public String keyId() {
        return key.getKeyID();
    }

    /** What a function needs to accept this issuer's tokens as the resource {@code resource} (its audience). */
    public AccessTokenSettings settings(String resource) {
        return new AccessTokenSettings(new AccessTokenSettings.InlineKeys(jwks()), issuer, URI.create(resource),
                List.of());
    }

    /** The same as environment variables, for a function built from its environment. */
    public Map<String, String> environment(String resource) {
        return Map.of(RuntimeSettings.JWKS, jwks(), RuntimeSettings.TOKEN_ISSUER, issuer,
                RuntimeSettings.RESOURCE_URI, resource);
    }

    /** The public JWKS document (JSON) that verifies this issuer's tokens. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /**
     * What a token says.
     *
     * @param subject  {@code sub}
     * @param audience {@code aud}: the resource URI of the function it is for
     * @param role     {@code margin_role}
     * @param tenant   {@code margin_tenant}, empty for a service
     * @param person   {@code margin_person}
     * @param scopes   {@code scope}
     * @param lifetime how long from now it is valid
     */
    public record Grant(String subject, String audience, Role role, Optional<UUID> tenant, Optional<UUID> person,
                        List<String> scopes, Duration lifetime) {

        public Grant {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(person, "person");
            scopes = List.copyOf(scopes);
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("a development token lives more than 0 s and at most a day");
            }
        }

        /** A grant for a person of {@code tenant}, whose subject is the person id. */
        public static Grant person(String audience, Role role, UUID tenant, UUID person, List<String> scopes) {
            return new Grant(person.toString(), audience, role, Optional.of(tenant), Optional.of(person), scopes,
                    DEFAULT_LIFETIME);
        }

        /** A grant for a Margin component acting on events. */
        public static Grant service(String audience, String name, List<String> scopes) {
            return new Grant(name, audience, Role.SERVICE, Optional.empty(), Optional.empty(), scopes,
                    DEFAULT_LIFETIME);
        }
    }

    /** A signed access token for {@code grant}. */
    public String issue(Grant grant) {
        return sign(claims(grant).build());
    }

    /** The claims of {@code grant}, for a test that changes one before {@link #sign}ing. */
    public JWTClaimsSet.Builder claims(Grant grant) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.subject())
                .audience(grant.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(grant.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenVerifier.ROLE, grant.role().name().toLowerCase(java.util.Locale.ROOT));
        grant.tenant().ifPresent(tenant -> claims.claim(TokenVerifier.TENANT, tenant.toString()));
        grant.person().ifPresent(person -> claims.claim(TokenVerifier.PERSON, person.toString()));
        if (!grant.scopes().isEmpty()) {
            claims.claim(TokenVerifier.SCOPE, String.join(" ", grant.scopes()));
        }
        return claims;
    }

    /** {@code claims} signed with this issuer's key, as a compact JWS. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("at+jwt"))
                .keyID(key.getKeyID())
                .build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException failed) {
            throw new IllegalStateException("could not sign a development token", failed);
        }
        return jwt.serialize();
    }
}
