package org.margin.runtime.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where finished spans go: an OTLP/HTTP (protobuf) endpoint, read from the standard {@code OTEL_EXPORTER_OTLP_*}
 * variables. Only span export is configured here: metrics are scraped from {@code /metrics}.
 *
 * @param tracesEndpoint the full URL spans are posted to
 * @param headers        headers sent with every export (e.g. an authorization token)
 */
public record OtlpSettings(URI tracesEndpoint, Map<String, String> headers) {

    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
    static final String TRACES_HEADERS = "OTEL_EXPORTER_OTLP_TRACES_HEADERS";
    static final String PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
    static final String TRACES_PROTOCOL = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";
    static final String TRACES_EXPORTER = "OTEL_TRACES_EXPORTER";
    static final String SDK_DISABLED = "OTEL_SDK_DISABLED";

    private static final String HTTP_PROTOBUF = "http/protobuf";
    private static final String TRACES_PATH = "v1/traces";

    public OtlpSettings {
        Objects.requireNonNull(tracesEndpoint, "tracesEndpoint");
        headers = Map.copyOf(headers);
    }

    /**
     * The export the environment asks for, if any: none unless an endpoint is set, and none when
     * {@code OTEL_SDK_DISABLED=true} or {@code OTEL_TRACES_EXPORTER=none}.
     *
     * @throws IllegalArgumentException naming the variable, when one is set to something unusable
     */
    public static Optional<OtlpSettings> fromEnvironment(Map<String, String> env) {
        if ("true".equalsIgnoreCase(value(env, SDK_DISABLED)) || "none".equalsIgnoreCase(value(env, TRACES_EXPORTER))) {
            return Optional.empty();
        }
        String exporter = value(env, TRACES_EXPORTER);
        if (exporter != null && !exporter.equalsIgnoreCase("otlp")) {
            throw new IllegalArgumentException(TRACES_EXPORTER + " supports 'otlp' and 'none' only");
        }
        URI endpoint = tracesEndpoint(env);
        if (endpoint == null) {
            return Optional.empty();
        }
        String protocol = firstOf(env, TRACES_PROTOCOL, PROTOCOL);
        if (protocol != null && !protocol.equals(HTTP_PROTOBUF)) {
            throw new IllegalArgumentException(
                    TRACES_PROTOCOL + "/" + PROTOCOL + " supports '" + HTTP_PROTOBUF + "' only");
        }
        String headers = firstOf(env, TRACES_HEADERS, HEADERS);
        return Optional.of(new OtlpSettings(endpoint, headers == null ? Map.of() : parseHeaders(headers)));
    }

    /** The signal-specific URL as given, or {@code /v1/traces} appended to the base URL, as the OTLP spec says. */
    private static URI tracesEndpoint(Map<String, String> env) {
        String specific = value(env, TRACES_ENDPOINT);
        if (specific != null) {
            return httpUri(TRACES_ENDPOINT, specific);
        }
        String base = value(env, ENDPOINT);
        if (base == null) {
            return null;
        }
        return httpUri(ENDPOINT, base.endsWith("/") ? base + TRACES_PATH : base + "/" + TRACES_PATH);
    }

    private static URI httpUri(String variable, String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(variable + " must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URL");
        }
    }

    /** {@code key1=value1,key2=value2}, values percent-encoded, per the OTel environment-variable spec. */
    private static Map<String, String> parseHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(HEADERS + " must be a list of key=value pairs");
            }
            headers.put(pair.substring(0, equals).strip(),
                    URLDecoder.decode(pair.substring(equals + 1).strip(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String firstOf(Map<String, String> env, String specific, String general) {
        String value = value(env, specific);
        return value != null ? value : value(env, general);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never shows header values: they usually carry credentials. */
    @Override
    public String toString() {
        return "OtlpSettings[tracesEndpoint=" + tracesEndpoint + ", headers=" + headers.keySet() + "]";
    }
}
