package org.margin.runtime.mcp.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

/**
 * Protection against DNS rebinding: the {@code Host} header must name an allowed host, and an {@code Origin}
 * header, when a browser sends one, an allowed origin. Without configuration only loopback names pass.
 */
public final class OriginGuard {

    /** The host names of this machine's loopback interface, as they appear in Host and Origin headers. */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    /**
     * @param allowedHosts   host names (without port) accepted in the Host header
     * @param allowedOrigins origins ({@code scheme://host[:port]}) accepted in the Origin header; when empty, any
     *                       origin whose host is an allowed host passes
     */
    public OriginGuard(Set<String> allowedHosts, Set<String> allowedOrigins) {
        this.allowedHosts = lower(allowedHosts);
        this.allowedOrigins = lower(allowedOrigins);
    }

    /** Why the request must be refused, or {@code null} when it may proceed. */
    String refusal(Headers headers) {
        String host = headers.first(HeaderNames.HOST).orElse(null);
        if (host == null || !allowedHosts.contains(hostName(host))) {
            return "Host not allowed";
        }
        String origin = headers.first(HeaderNames.ORIGIN).orElse(null);
        if (origin == null) {
            return null;
        }
        String normalised = origin.trim().toLowerCase(Locale.ROOT);
        if (allowedOrigins.isEmpty() ? allowedHosts.contains(originHost(normalised)) : allowedOrigins.contains(normalised)) {
            return null;
        }
        return "Origin not allowed";
    }

    private static String hostName(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String originHost(String origin) {
        try {
            String host = new URI(origin).getHost();
            return host == null ? "" : host;
        } catch (URISyntaxException malformed) {
            return "";
        }
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(value -> value.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
