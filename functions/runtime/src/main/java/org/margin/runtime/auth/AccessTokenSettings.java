package org.margin.runtime.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How a function's MCP endpoint checks access tokens: where the authorization server's signing keys are, whose
 * tokens it accepts, and what resource it is.
 *
 * @param keys                 the JSON Web Key Set: fetched from a URI ({@code MARGIN_JWKS_URI}) or given inline
 *                             ({@code MARGIN_JWKS}, for tests)
 * @param issuer               the only accepted {@code iss} ({@code MARGIN_TOKEN_ISSUER})
 * @param resource             this endpoint's resource URI, the only accepted audience ({@code MARGIN_RESOURCE_URI})
 * @param authorizationServers what the protected resource metadata names ({@code MARGIN_AUTHORIZATION_SERVERS});
 *                             the issuer unless set
 */
public record AccessTokenSettings(Keys keys, String issuer, URI resource, List<URI> authorizationServers) {

    public AccessTokenSettings {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(resource, "resource");
        authorizationServers = List.copyOf(authorizationServers);
    }

    /** This configuration for another resource URI: how a launcher gives each function its own audience. */
    public AccessTokenSettings withResource(URI resource) {
        return new AccessTokenSettings(keys, issuer, resource, authorizationServers);
    }

    /** Where the signing keys come from. */
    public sealed interface Keys {
    }

    /** A JWKS document fetched from {@code uri}, cached, and fetched again (rate-limited) on an unknown key id. */
    public record RemoteKeys(URI uri) implements Keys {
        public RemoteKeys {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** A JWKS document given as JSON text; it never changes while the process runs. */
    public record InlineKeys(String json) implements Keys {
        public InlineKeys {
            Objects.requireNonNull(json, "json");
        }
    }
}
