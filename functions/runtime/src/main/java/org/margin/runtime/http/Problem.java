package org.margin.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * An HTTP error as an RFC 9457 problem-details document ({@code application/problem+json}): the runtime's one way
 * to tell a client why its request failed.
 *
 * <p>{@code detail} is sent to the client as is: it must explain the failure without echoing anything the client
 * sent (a request body may hold a student's text), so it is always written by us, never copied from an exception.
 *
 * @param type   a URI naming the kind of problem; {@code urn:margin:problem:<slug>}
 * @param title  a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status
 * @param detail what went wrong with this request and how to fix it
 */
public record Problem(String type, String title, Status status, String detail) {

    /** The media type of a problem document. */
    public static final HttpMediaType MEDIA_TYPE = HttpMediaType.create("application/problem+json");

    private static final String TYPE_PREFIX = "urn:margin:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A problem of the kind {@code slug}, e.g. {@code of(BAD_REQUEST_400, "invalid-cloudevent", "Not a valid
     * CloudEvent", "the required attribute 'id' is missing")}.
     */
    public static Problem of(Status status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail);
    }

    /** Sends this problem as the response. */
    public void send(ServerResponse response) {
        response.status(status);
        response.headers().contentType(MEDIA_TYPE);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(toJson());
    }

    /**
     * Sends this problem with a {@code Retry-After} header, for failures that a later attempt may not meet
     * (429, 503).
     */
    public void send(ServerResponse response, Duration retryAfter) {
        response.header(HeaderNames.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        send(response);
    }

    /** This problem as a JSON document. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 + detail.length());
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("title", title);
            json.writeNumberField("status", status.code());
            json.writeStringField("detail", detail);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whole seconds, rounded up: {@code Retry-After} takes delay-seconds and a client must not retry early. */
    static long retryAfterSeconds(Duration retryAfter) {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            return 0;
        }
        long seconds = retryAfter.getSeconds();
        return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** Made when the first problem is written, not when the runtime starts. */
    private static final class Json {
        private static final JsonFactory FACTORY = new JsonFactory();
    }
}
