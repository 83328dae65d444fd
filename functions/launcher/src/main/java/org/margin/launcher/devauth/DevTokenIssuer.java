package org.margin.launcher.devauth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.protocol.Json;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A development OAuth authorization server for local mode: an EC P-256 key made at start, its JWKS, RFC 8414
 * metadata, and a token endpoint that signs whatever role, tenant, person and scopes it is asked for. Anyone who
 * can reach it can act as anyone, so it starts only when explicitly enabled ({@code --dev-tokens} or
 * {@code MARGIN_DEV_TOKENS=enabled}), never on Knative, listens on loopback only, and says so loudly.
 */
public final class DevTokenIssuer implements AutoCloseable {

    /** The variable that enables the issuer, and its only accepted value. */
    public static final String ENABLE = "MARGIN_DEV_TOKENS";
    public static final String ENABLED = "enabled";
    public static final String FLAG = "--dev-tokens";
    static final String PATH = "/dev-auth";
    private static final System.Logger LOG = System.getLogger(DevTokenIssuer.class.getName());

    private final DevTokens tokens;
    private final Map<String, URI> resources;
    private final WebServer server;

    private DevTokenIssuer(int port, Map<String, URI> resources) {
        this.resources = Map.copyOf(resources);
        this.tokens = DevTokens.generate("http://127.0.0.1:" + port + PATH);
        this.server = WebServer.builder().host("127.0.0.1").port(port).shutdownHook(false)
                .featuresDiscoverServices(false)
                .routing(this::routing).build();
    }

    /** Whether the issuer was asked for, by flag or variable. */
    public static boolean requested(List<String> arguments, Map<String, String> environment) {
        return arguments.contains(FLAG) || ENABLED.equals(environment.get(ENABLE));
    }

    /**
     * Starts the issuer on loopback {@code port}.
     *
     * @param resources the functions' names and resource URIs, so a token request may name a function
     * @throws IllegalStateException when not explicitly enabled, or when running on Knative
     */
    public static DevTokenIssuer start(List<String> arguments, Map<String, String> environment, int port,
                                       Map<String, URI> resources) {
        if (!requested(arguments, environment)) {
            throw new IllegalStateException("the development token issuer is off; it starts only with " + FLAG
                    + " or " + ENABLE + "=" + ENABLED);
        }
        if (environment.containsKey(RuntimeSettings.K_SERVICE)) {
            throw new IllegalStateException("the development token issuer never runs on Knative ("
                    + RuntimeSettings.K_SERVICE + " is set)");
        }
        DevTokenIssuer issuer = new DevTokenIssuer(port, resources);
        issuer.server.start();
        String warning = "DEVELOPMENT TOKEN ISSUER ENABLED at " + issuer.tokens.issuer() + ": anyone who can reach"
                + " this port can mint tokens for any role, tenant and person. Never use it outside a developer's"
                + " machine.";
        LOG.log(System.Logger.Level.WARNING, warning);
        System.out.println("!".repeat(100) + "\n!!! " + warning + "\n" + "!".repeat(100));
        return issuer;
    }

    /** What each function's environment needs to trust this issuer's tokens (besides its own resource URI). */
    public Map<String, String> environment() {
        return Map.of(RuntimeSettings.JWKS_URI, jwksUri(), RuntimeSettings.TOKEN_ISSUER, tokens.issuer());
    }

    public String issuer() {
        return tokens.issuer();
    }

    public int port() {
        return server.port();
    }

    String jwksUri() {
        return tokens.issuer() + "/jwks.json";
    }

    private void routing(HttpRouting.Builder routing) {
        routing.get(PATH + "/jwks.json", (request, response) -> json(response, Status.OK_200,
                        Json.MAPPER.readTree(tokens.jwks())))
                // RFC 8414: the issuer's path follows the well-known segment; the bare form helps simple clients.
                .get("/.well-known/oauth-authorization-server" + PATH, this::metadata)
                .get("/.well-known/oauth-authorization-server", this::metadata)
                .post(PATH + "/token", this::token);
    }

    private void metadata(ServerRequest request, ServerResponse response) {
        ObjectNode metadata = Json.object();
        metadata.put("issuer", tokens.issuer());
        metadata.put("token_endpoint", tokens.issuer() + "/token");
        metadata.put("jwks_uri", jwksUri());
        metadata.putArray("grant_types_supported").add("client_credentials");
        metadata.putArray("token_endpoint_auth_methods_supported").add("none");
        metadata.putArray("response_types_supported");
        metadata.putArray("code_challenge_methods_supported").add("S256");
        json(response, Status.OK_200, metadata);
    }

    private void token(ServerRequest request, ServerResponse response) {
        String type = request.headers().contentType().map(media -> media.mediaType().text()).orElse("");
        String body = request.content().as(String.class);
        DevTokens.Grant grant;
        try {
            grant = type.equals("application/x-www-form-urlencoded") ? clientCredentials(body) : personGrant(body);
        } catch (BadRequest bad) {
            ObjectNode error = Json.object().put("error", bad.error).put("error_description", bad.getMessage());
            json(response, Status.BAD_REQUEST_400, error);
            return;
        }
        ObjectNode answer = Json.object();
        answer.put("access_token", tokens.issue(grant));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", grant.lifetime().toSeconds());
        answer.put("scope", String.join(" ", grant.scopes()));
        response.header(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store");
        json(response, Status.OK_200, answer);
    }

    /** {@code {role, tenant, person, scopes, audience}}: a token for a person (or, with role service, a component). */
    private DevTokens.Grant personGrant(String body) throws BadRequest {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (JacksonException malformed) {
            throw new BadRequest("invalid_request", "the body must be JSON {role, tenant, person, scopes, audience}");
        }
        if (!(request instanceof ObjectNode)) {
            throw new BadRequest("invalid_request", "the body must be a JSON object");
        }
        Role role = role(request.path("role").asString(""));
        Optional<UUID> tenant = uuid(request, "tenant");
        Optional<UUID> person = uuid(request, "person");
        if (role != Role.SERVICE && tenant.isEmpty()) {
            throw new BadRequest("invalid_request", "'tenant' (a UUID) is required for role " + name(role));
        }
        if ((role == Role.STUDENT || role == Role.EDUCATOR) && person.isEmpty()) {
            throw new BadRequest("invalid_request", "'person' (a UUID) is required for role " + name(role));
        }
        List<String> scopes = new ArrayList<>();
        JsonNode scopeNode = request.path("scopes");
        if (scopeNode instanceof ArrayNode array) {
            array.forEach(scope -> scopes.add(scope.asString()));
        } else if (scopeNode.isString()) {
            scopes.addAll(List.of(scopeNode.asString().split(" +")));
        }
        String audience = audience(request.path("audience").asString(""));
        String subject = request.path("subject").asString(person.map(UUID::toString).orElse("dev-" + name(role)));
        return new DevTokens.Grant(subject, audience, role, tenant, person, scopes, DevTokens.DEFAULT_LIFETIME);
    }

    /** RFC 6749 section 4.4: a service token for {@code resource} (RFC 8707) or {@code audience}. */
    private DevTokens.Grant clientCredentials(String body) throws BadRequest {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new BadRequest("unsupported_grant_type", "only client_credentials is offered in form requests");
        }
        String audience = audience(form.getOrDefault("resource", form.getOrDefault("audience", "")));
        String scope = form.getOrDefault("scope", "").strip();
        return DevTokens.Grant.service(audience, form.getOrDefault("client_id", "dev-service"),
                scope.isEmpty() ? List.of() : List.of(scope.split(" +")));
    }

    /** A function's resource URI, from the URI itself or the function's name. */
    private String audience(String requested) throws BadRequest {
        URI named = resources.get(requested);
        if (named != null) {
            return named.toString();
        }
        if (resources.values().stream().anyMatch(resource -> resource.toString().equals(requested))) {
            return requested;
        }
        throw new BadRequest("invalid_target", "'audience' must name a local function or its resource URI: "
                + String.join(", ", resources.keySet()));
    }

    private static Role role(String wire) throws BadRequest {
        for (Role role : Role.values()) {
            if (name(role).equals(wire)) {
                return role;
            }
        }
        throw new BadRequest("invalid_request", "'role' must be student, educator, administrator or service");
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<UUID> uuid(JsonNode request, String member) throws BadRequest {
        String text = request.path(member).asString("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notUuid) {
            throw new BadRequest("invalid_request", "'" + member + "' must be a UUID");
        }
    }

    private static void json(ServerResponse response, Status status, JsonNode body) {
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(Json.bytes(body));
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final String error;

        BadRequest(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }
}
