package org.margin.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.margin.runtime.auth.AccessTokenSettings;
import org.margin.runtime.telemetry.OtlpSettings;
import org.margin.runtime.telemetry.TraceSampling;

/**
 * Everything a function runtime takes from its environment. Read once, before start, by
 * {@link #fromEnvironment(Map)}; a variable set to something unusable stops the start with a message naming the
 * variable (never its value: some are secrets).
 *
 * @param port               {@code PORT}: where to listen; 0 picks a free port (tests); default 8080
 * @param knative            the Knative revision ({@code K_SERVICE}, {@code K_REVISION}, {@code K_CONFIGURATION});
 *                           empty when running locally
 * @param allowedHosts       {@code MARGIN_ALLOWED_HOSTS}: comma-separated host names ({@code host[:port]}) the MCP
 *                           endpoint answers to (DNS-rebinding protection); empty keeps the engine's loopback
 *                           default, so set it on Knative to the service's host names
 * @param allowedOrigins     {@code MARGIN_ALLOWED_ORIGINS}: comma-separated origins ({@code scheme://host[:port]})
 *                           whose browser pages may call the MCP endpoint
 * @param requestStateSecret {@code MARGIN_REQUEST_STATE_SECRET}: base64, at least 32 bytes; required on Knative,
 *                           a random per-process key locally
 * @param shutdownGrace      {@code MARGIN_SHUTDOWN_GRACE_SECONDS}: how long in-flight requests may run on after
 *                           SIGTERM; keep it below the pod's terminationGracePeriodSeconds; default 25 s
 * @param maxEventBytes      {@code MARGIN_MAX_EVENT_BYTES}: the largest CloudEvent accepted; default 1 MiB
 * @param otlp               span export, from the standard {@code OTEL_EXPORTER_OTLP_*} variables; none when unset
 * @param sampling           which traces are recorded, from {@code OTEL_TRACES_SAMPLER} and
 *                           {@code OTEL_TRACES_SAMPLER_ARG}; default parent-based, always on
 * @param accessTokens       whose access tokens the MCP endpoint accepts: {@code MARGIN_JWKS_URI} (or
 *                           {@code MARGIN_JWKS}, inline, for tests), {@code MARGIN_TOKEN_ISSUER},
 *                           {@code MARGIN_RESOURCE_URI}, optional {@code MARGIN_AUTHORIZATION_SERVERS}; a function
 *                           serving MCP refuses to start on Knative without them, and locally refuses every MCP
 *                           request
 */
public record RuntimeSettings(int port,
                              Optional<KnativeRevision> knative,
                              List<String> allowedHosts,
                              List<String> allowedOrigins,
                              RequestStateSecret requestStateSecret,
                              Duration shutdownGrace,
                              int maxEventBytes,
                              Optional<OtlpSettings> otlp,
                              TraceSampling sampling,
                              Optional<AccessTokenSettings> accessTokens) {

    public static final String PORT = "PORT";
    public static final String K_SERVICE = "K_SERVICE";
    public static final String K_REVISION = "K_REVISION";
    public static final String K_CONFIGURATION = "K_CONFIGURATION";
    public static final String ALLOWED_HOSTS = "MARGIN_ALLOWED_HOSTS";
    public static final String ALLOWED_ORIGINS = "MARGIN_ALLOWED_ORIGINS";
    public static final String REQUEST_STATE_SECRET = "MARGIN_REQUEST_STATE_SECRET";
    public static final String SHUTDOWN_GRACE_SECONDS = "MARGIN_SHUTDOWN_GRACE_SECONDS";
    public static final String MAX_EVENT_BYTES = "MARGIN_MAX_EVENT_BYTES";
    public static final String JWKS_URI = "MARGIN_JWKS_URI";
    public static final String JWKS = "MARGIN_JWKS";
    public static final String TOKEN_ISSUER = "MARGIN_TOKEN_ISSUER";
    public static final String RESOURCE_URI = "MARGIN_RESOURCE_URI";
    public static final String AUTHORIZATION_SERVERS = "MARGIN_AUTHORIZATION_SERVERS";

    private static final int DEFAULT_PORT = 8080;
    private static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(25);
    private static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;

    public RuntimeSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, is " + port);
        }
        Objects.requireNonNull(knative, "knative");
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(requestStateSecret, "requestStateSecret");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes must be positive");
        }
        Objects.requireNonNull(otlp, "otlp");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(accessTokens, "accessTokens");
    }

    /** The settings of this process's environment. */
    public static RuntimeSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The settings in {@code env}.
     *
     * @throws IllegalArgumentException naming the variable, when one is set to something unusable or a required
     *                                  one is missing
     */
    public static RuntimeSettings fromEnvironment(Map<String, String> env) {
        Optional<KnativeRevision> knative = knative(env);
        return new RuntimeSettings(
                integer(env, PORT, DEFAULT_PORT, 0, 65_535),
                knative,
                hosts(env),
                origins(env),
                secret(env, knative.isPresent()),
                Duration.ofSeconds(integer(env, SHUTDOWN_GRACE_SECONDS, (int) DEFAULT_SHUTDOWN_GRACE.toSeconds(),
                        0, 3_600)),
                integer(env, MAX_EVENT_BYTES, DEFAULT_MAX_EVENT_BYTES, 1, Integer.MAX_VALUE - 1),
                OtlpSettings.fromEnvironment(env),
                TraceSampling.fromEnvironment(env),
                accessTokens(env));
    }

    /** Whether this process runs outside Knative (no {@code K_SERVICE}): a developer's machine or a test. */
    public boolean local() {
        return knative.isEmpty();
    }

    /** These settings listening on {@code port} instead: how a launcher runs several functions in one process. */
    public RuntimeSettings withPort(int port) {
        return new RuntimeSettings(port, knative, allowedHosts, allowedOrigins, requestStateSecret, shutdownGrace,
                maxEventBytes, otlp, sampling, accessTokens);
    }

    /** These settings with another grace period for in-flight requests at shutdown. */
    public RuntimeSettings withShutdownGrace(Duration shutdownGrace) {
        return new RuntimeSettings(port, knative, allowedHosts, allowedOrigins, requestStateSecret, shutdownGrace,
                maxEventBytes, otlp, sampling, accessTokens);
    }

    private static Optional<KnativeRevision> knative(Map<String, String> env) {
        String service = value(env, K_SERVICE);
        if (service == null) {
            return Optional.empty();
        }
        String revision = value(env, K_REVISION);
        String configuration = value(env, K_CONFIGURATION);
        return Optional.of(new KnativeRevision(service,
                revision == null ? "" : revision,
                configuration == null ? "" : configuration));
    }

    /** These settings accepting the tokens {@code accessTokens} describes: how a launcher sets each function's audience. */
    public RuntimeSettings withAccessTokens(AccessTokenSettings accessTokens) {
        return new RuntimeSettings(port, knative, allowedHosts, allowedOrigins, requestStateSecret, shutdownGrace,
                maxEventBytes, otlp, sampling, Optional.of(accessTokens));
    }

    private static Optional<AccessTokenSettings> accessTokens(Map<String, String> env) {
        String jwksUri = value(env, JWKS_URI);
        String jwks = value(env, JWKS);
        String issuer = value(env, TOKEN_ISSUER);
        String resource = value(env, RESOURCE_URI);
        if (jwksUri == null && jwks == null && issuer == null && resource == null) {
            return Optional.empty();
        }
        if ((jwksUri == null) == (jwks == null)) {
            throw new IllegalArgumentException("set exactly one of " + JWKS_URI + " and " + JWKS);
        }
        if (issuer == null) {
            throw new IllegalArgumentException(TOKEN_ISSUER + " must be set with " + (jwks == null ? JWKS_URI : JWKS));
        }
        if (resource == null) {
            throw new IllegalArgumentException(RESOURCE_URI + " must be set with " + (jwks == null ? JWKS_URI : JWKS));
        }
        AccessTokenSettings.Keys keys = jwks != null
                ? new AccessTokenSettings.InlineKeys(jwks)
                : new AccessTokenSettings.RemoteKeys(httpUri(jwksUri, JWKS_URI));
        List<URI> servers = list(env, AUTHORIZATION_SERVERS, server -> {
            httpUri(server, AUTHORIZATION_SERVERS);
            return server;
        }).stream().map(URI::create).toList();
        return Optional.of(new AccessTokenSettings(keys, issuer, httpUri(resource, RESOURCE_URI), servers));
    }

    /** An absolute http(s) URI without fragment, as OAuth wants its resource and server identifiers. */
    private static URI httpUri(String text, String name) {
        try {
            URI uri = new URI(text);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same message as any other unusable URI
        }
        throw new IllegalArgumentException(name + " must be an absolute http(s) URI without fragment");
    }

    private static List<String> hosts(Map<String, String> env) {
        return list(env, ALLOWED_HOSTS, RuntimeSettings::validHost);
    }

    private static List<String> origins(Map<String, String> env) {
        return list(env, ALLOWED_ORIGINS, RuntimeSettings::validOrigin);
    }

    private static List<String> list(Map<String, String> env, String name, UnaryOperator<String> validate) {
        String text = value(env, name);
        if (text == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                items.add(validate.apply(trimmed));
            }
        }
        return items;
    }

    /** A host as it appears in a {@code Host} header: a name or address, and an optional port. */
    private static String validHost(String host) {
        try {
            URI uri = new URI("http://" + host);
            if (uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return host;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same message as any other malformed host
        }
        throw new IllegalArgumentException(ALLOWED_HOSTS
                + " must be a comma-separated list of host names such as writing-analysis.margin.example.org");
    }

    /** An origin is scheme, host and optional port, with nothing after: what browsers send in {@code Origin}. */
    private static String validOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            boolean bare = uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (bare) {
                return origin;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same message as any other malformed origin
        }
        throw new IllegalArgumentException(ALLOWED_ORIGINS
                + " must be a comma-separated list of origins such as https://app.example.org or http://localhost:3000");
    }

    private static RequestStateSecret secret(Map<String, String> env, boolean onKnative) {
        String text = value(env, REQUEST_STATE_SECRET);
        if (text == null) {
            if (onKnative) {
                throw new IllegalArgumentException(REQUEST_STATE_SECRET + " must be set when running on Knative ("
                        + K_SERVICE + " is set): every replica must share the key");
            }
            return RequestStateSecret.perProcess();
        }
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REQUEST_STATE_SECRET + " is not valid base64");
        }
        if (key.length < RequestStateSecret.MINIMUM_BYTES) {
            throw new IllegalArgumentException(REQUEST_STATE_SECRET + " must decode to at least "
                    + RequestStateSecret.MINIMUM_BYTES + " bytes");
        }
        return RequestStateSecret.of(key);
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as an out-of-range value
        }
        throw new IllegalArgumentException(name + " must be an integer within " + min + ".." + max);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
