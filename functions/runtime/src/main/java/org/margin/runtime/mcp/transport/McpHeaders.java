package org.margin.runtime.mcp.transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
        int slash = mediaType.indexOf('/');
        for (String value : headers.get(HeaderNames.ACCEPT).allValues()) {
            int start = 0;
            while (start < value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                int semicolon = value.indexOf(';', start);
                int typeEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
                if (admits(value, start, typeEnd, mediaType, slash)) {
                    return true;
                }
                start = end + 1;
            }
        }
        return false;
    }

    /** Whether {@code value[start, end)}, one media range, admits {@code mediaType}, ignoring case and spaces. */
    private static boolean admits(String value, int start, int end, String mediaType, int slash) {
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        int length = end - start;
        return length == mediaType.length() && value.regionMatches(true, start, mediaType, 0, length)
                || length == 3 && value.startsWith("*/*", start)
                || length == slash + 2 && value.regionMatches(true, start, mediaType, 0, slash + 1)
                && value.charAt(end - 1) == '*';
    }

    /** Whether the Content-Type is JSON, whatever its parameters. */
    static boolean jsonContent(Headers headers) {
        String value = headers.first(HeaderNames.CONTENT_TYPE).orElse(null);
        if (value == null) {
            return false;
        }
        String json = "application/json";
        String trimmed = value.strip();
        return trimmed.regionMatches(true, 0, json, 0, json.length())
                && (trimmed.length() == json.length() || trimmed.charAt(json.length()) == ';'
                || trimmed.charAt(json.length()) == ' ');
    }
}
