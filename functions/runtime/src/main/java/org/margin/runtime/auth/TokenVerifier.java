package org.margin.runtime.auth;

import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

/**
 * Checks a bearer JWT the way an OAuth 2.1 resource server must: signature by a key of the configured JWKS with
 * ES256, RS256 or EdDSA only (never {@code none} or HMAC), issuer, audience equal to this resource, expiry and
 * not-before within a small clock skew; then maps Margin's claims to a {@link Caller}.
 */
public final class TokenVerifier {

    /** The signature algorithms accepted: asymmetric only, so that no key this server holds can forge a token. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256,
            JWSAlgorithm.EdDSA);
    /** How far the authorization server's clock may be from ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** How long fetched keys are trusted before they are fetched again. */
    private static final Duration KEYS_TIME_TO_LIVE = Duration.ofMinutes(15);
    /** At most one fetch per interval when tokens name unknown keys, so forged key ids cannot flood the server. */
    private static final Duration KEYS_MIN_REFETCH = Duration.ofSeconds(10);

    static final String TENANT = "margin_tenant";
    static final String ROLE = "margin_role";
    static final String PERSON = "margin_person";
    static final String SCOPE = "scope";

    private final DefaultJWTProcessor<SecurityContext> processor;

    private TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", ROLE), Set.of());
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A verifier for {@code settings}; a remote JWKS is fetched on the first token, not here. */
    public static TokenVerifier of(AccessTokenSettings settings) {
        JWKSource<SecurityContext> keys = switch (settings.keys()) {
            case AccessTokenSettings.InlineKeys inline -> new ImmutableJWKSet<>(parse(inline.json()));
            case AccessTokenSettings.RemoteKeys remote -> {
                try {
                    yield JWKSourceBuilder.<SecurityContext>create(remote.uri().toURL())
                            .cache(KEYS_TIME_TO_LIVE.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                            .rateLimited(KEYS_MIN_REFETCH.toMillis())
                            .retrying(true)
                            .build();
                } catch (MalformedURLException | IllegalArgumentException notUrl) {
                    throw new IllegalArgumentException("the JWKS URI is not a URL");
                }
            }
        };
        return new TokenVerifier(keys, settings.issuer(), settings.resource().toString());
    }

    /** Parses a JWKS document, refusing one that holds a private or symmetric key by mistake. */
    static JWKSet parse(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException malformed) {
            throw new IllegalArgumentException("the JWKS is not a valid JSON Web Key Set");
        }
        if (set.getKeys().stream().anyMatch(key -> key.isPrivate() || key.getKeyType().getValue().equals("oct"))) {
            throw new IllegalArgumentException("the JWKS must hold public keys only");
        }
        return set;
    }

    /** A token that passed every check: who it stands for, and until when (epoch milliseconds). */
    public record Verified(Caller caller, long expiresAtMillis) {
    }

    /**
     * Checks {@code token}.
     *
     * @throws InvalidToken     when any check fails
     * @throws KeysUnavailable  when the keys could not be fetched to check it
     */
    public Verified verify(String token) throws InvalidToken, KeysUnavailable {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException expired) {
            throw new InvalidToken("the access token has expired");
        } catch (RateLimitReachedException unknownKeyAgain) {
            // A key id the keys fetched moments ago do not have: the token's fault, not the key server's.
            throw new InvalidToken("the access token is not valid for this resource");
        } catch (KeySourceException unreachable) {
            throw new KeysUnavailable();
        } catch (ParseException | BadJOSEException | JOSEException rejected) {
            throw new InvalidToken("the access token is not valid for this resource");
        }
        return new Verified(caller(claims), claims.getExpirationTime().getTime());
    }

    private static Caller caller(JWTClaimsSet claims) throws InvalidToken {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidToken("the access token names no subject");
        }
        Role role = role(text(claims, ROLE));
        Optional<UUID> tenant = uuid(claims, TENANT);
        Optional<UUID> person = uuid(claims, PERSON);
        if (role != Role.SERVICE && tenant.isEmpty()) {
            throw new InvalidToken("the access token names no tenant (" + TENANT + ")");
        }
        if ((role == Role.STUDENT || role == Role.EDUCATOR) && person.isEmpty()) {
            throw new InvalidToken("the access token names no person (" + PERSON + ")");
        }
        return new Caller(subject, tenant, role, person, scopes(text(claims, SCOPE)));
    }

    private static Role role(String wire) throws InvalidToken {
        if (wire != null) {
            for (Role role : Role.values()) {
                if (role.name().toLowerCase(Locale.ROOT).equals(wire)) {
                    return role;
                }
            }
        }
        throw new InvalidToken("the access token's " + ROLE + " is not student, educator, administrator or service");
    }

    private static Optional<UUID> uuid(JWTClaimsSet claims, String name) throws InvalidToken {
        String text = text(claims, name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notUuid) {
            throw new InvalidToken("the access token's " + name + " is not a UUID");
        }
    }

    private static String text(JWTClaimsSet claims, String name) throws InvalidToken {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException notText) {
            throw new InvalidToken("the access token's " + name + " is not a string");
        }
    }

    private static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(List.of(scope.strip().split(" +")));
    }
}
