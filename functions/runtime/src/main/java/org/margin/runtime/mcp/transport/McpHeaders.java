package org.margin.runtime.mcp.transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

/** The MCP request headers and how their values are read. */
final class McpHeaders {

    static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");
    static final HeaderName METHOD = HeaderNames.create("Mcp-Method");
    static final HeaderName NAME = HeaderNames.create("Mcp-Name");
    static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    static final HeaderName ACCEL_BUFFERING = HeaderNames.create("X-Accel-Buffering");

    private static final String SENTINEL_START = "=?base64?";
    private static final String SENTINEL_END = "?=";

    private McpHeaders() {
    }

    /** A header's value without surrounding whitespace, or {@code null} when absent. */
    static String value(Headers headers, HeaderName name) {
        return headers.first(name).map(String::trim).orElse(null);
    }

    /**
     * A header value that may use the {@code =?base64?…?=} sentinel, decoded.
     *
     * @throws IllegalArgumentException when the sentinel wraps no valid base64
     */
    static String decoded(String value) {
        if (value != null && value.length() >= SENTINEL_START.length() + SENTINEL_END.length()
                && value.startsWith(SENTINEL_START) && value.endsWith(SENTINEL_END)) {
            String encoded = value.substring(SENTINEL_START.length(), value.length() - SENTINEL_END.length());
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
        return value;
    }

    /** Whether the Accept header admits the media type; a missing header admits everything. */
    static boolean accepts(Headers headers, String mediaType) {
        if (!headers.contains(HeaderNames.ACCEPT)) {
            return true;
        }
        String slash = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
        for (String value : headers.get(HeaderNames.ACCEPT).allValues(true)) {
            String type = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(mediaType) || type.equals("*/*") || type.equals(slash)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the Content-Type is JSON. */
    static boolean jsonContent(Headers headers) {
        return headers.first(HeaderNames.CONTENT_TYPE)
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter("application/json"::equals)
                .isPresent();
    }
}
