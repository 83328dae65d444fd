package org.margin.runtime.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP endpoint as an OAuth 2.1 resource server (MCP authorization, RFC 6750, RFC 9728): takes the bearer token
 * of a request's {@code Authorization} header, verifies it (once per token, then from {@link VerifiedTokens}), and
 * says how to refuse a request without one, including the {@code WWW-Authenticate} challenge that points clients
 * to the protected resource metadata.
 *
 * <p>Without settings ({@link #unconfigured()}) it refuses every request: a function that does not know whose
 * tokens to trust serves no one rather than everyone.
 */
public final class ResourceServer {

    /** RFC 9728's well-known path; the resource's own path is appended to it. */
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    private static final int CACHED_TOKENS = 10_000;
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(ResourceServer.class.getName());

    private final AccessTokenSettings settings;
    private final String metadataUrl;
    private final VerifiedTokens verified;
    private final String missingTokenChallenge;
    private volatile TokenVerifier verifier;

    private ResourceServer(AccessTokenSettings settings, Clock clock) {
        this.settings = settings;
        this.metadataUrl = settings == null ? null : metadataUrl(settings.resource());
        this.verified = new VerifiedTokens(CACHED_TOKENS, clock);
        this.missingTokenChallenge = settings == null
                ? "Bearer error=\"invalid_token\", error_description=\"this endpoint has no token configuration\""
                : "Bearer resource_metadata=\"" + metadataUrl + "\"";
    }

    public static ResourceServer of(AccessTokenSettings settings) {
        return of(settings, Clock.systemUTC());
    }

    public static ResourceServer of(AccessTokenSettings settings, Clock clock) {
        return new ResourceServer(Objects.requireNonNull(settings, "settings"), clock);
    }

    /** A resource server that trusts no issuer, so every request is refused with 401. */
    public static ResourceServer unconfigured() {
        return new ResourceServer(null, Clock.systemUTC());
    }

    public Optional<AccessTokenSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** Where the protected resource metadata of {@code resource} is served (RFC 9728 section 3.1). */
    public static String metadataUrl(URI resource) {
        String path = resource.getRawPath() == null || resource.getRawPath().equals("/") ? "" : resource.getRawPath();
        return resource.getScheme() + "://" + resource.getRawAuthority() + METADATA_PATH + path;
    }

    /**
     * Judges a request by its {@code Authorization} header values and raw query string.
     *
     * @param authorization the header's values (none, or more than one, are refused)
     * @param rawQuery      the request's query, or {@code null}; a token there is refused (OAuth 2.1)
     */
    public Authentication authenticate(Collection<String> authorization, String rawQuery) {
        if (rawQuery != null && (rawQuery.startsWith("access_token=") || rawQuery.contains("&access_token="))) {
            return refused(400, "invalid-request", "invalid_request",
                    "access tokens are accepted in the Authorization header only, never in the URI");
        }
        if (authorization.isEmpty()) {
            return new Authentication.Refused(401, "unauthorized", missingTokenChallenge,
                    "an access token is required: send it as 'Authorization: Bearer <token>'");
        }
        if (settings == null) {
            return refused(401, "invalid-token", "invalid_token", "this endpoint has no token configuration");
        }
        if (authorization.size() > 1) {
            return refused(400, "invalid-request", "invalid_request", "send one Authorization header");
        }
        String header = authorization.iterator().next();
        if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refused(401, "invalid-token", "invalid_token", "the Authorization header must use the Bearer scheme");
        }
        String token = header.substring(7).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return refused(401, "invalid-token", "invalid_token", "the access token is not valid for this resource");
        }
        Caller known = verified.find(token);
        if (known != null) {
            return new Authentication.Authenticated(known);
        }
        try {
            TokenVerifier.Verified fresh = verifier().verify(token);
            verified.remember(token, fresh);
            return new Authentication.Authenticated(fresh.caller());
        } catch (InvalidToken invalid) {
            return refused(401, "invalid-token", "invalid_token", invalid.getMessage());
        } catch (KeysUnavailable unavailable) {
            LOG.log(System.Logger.Level.WARNING, "The authorization server's keys could not be fetched");
            return new Authentication.Refused(503, "keys-unavailable", null,
                    "the token cannot be checked now; try again shortly");
        }
    }

    /** The challenge of a 403 for a caller that lacks {@code scope}. */
    public String insufficientScopeChallenge(String scope) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\""
                + (metadataUrl == null ? "" : ", resource_metadata=\"" + metadataUrl + "\"");
    }

    /**
     * The RFC 9728 metadata document; empty without settings.
     *
     * @param scopes every scope the endpoint's tools require
     */
    public Optional<byte[]> metadata(Collection<String> scopes) {
        if (settings == null) {
            return Optional.empty();
        }
        ObjectNode document = Json.object();
        document.put("resource", settings.resource().toString());
        ArrayNode servers = document.putArray("authorization_servers");
        if (settings.authorizationServers().isEmpty()) {
            servers.add(settings.issuer());
        } else {
            settings.authorizationServers().forEach(server -> servers.add(server.toString()));
        }
        ArrayNode supported = document.putArray("scopes_supported");
        new TreeSet<>(scopes).forEach(supported::add);
        document.putArray("bearer_methods_supported").add("header");
        return Optional.of(Json.bytes(document));
    }

    private Authentication.Refused refused(int status, String slug, String error, String description) {
        return new Authentication.Refused(status, slug, "Bearer error=\"" + error + "\", error_description=\""
                + description + "\"" + (metadataUrl == null ? "" : ", resource_metadata=\"" + metadataUrl + "\""),
                description);
    }

    private TokenVerifier verifier() {
        TokenVerifier current = verifier;
        if (current == null) {
            synchronized (this) {
                current = verifier;
                if (current == null) {
                    current = TokenVerifier.of(settings);
                    verifier = current;
                }
            }
        }
        return current;
    }
}
