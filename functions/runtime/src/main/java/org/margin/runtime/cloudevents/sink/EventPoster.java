package org.margin.runtime.cloudevents.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;

/** Posts one CloudEvent in binary mode and says what became of it; retrying is the caller's policy. */
public final class EventPoster {

    /** How much of a failed delivery's response body is kept (Knative's dead-letter extension keeps as much). */
    private static final int BODY_KEPT = 1024;

    private final HttpClient client;
    private final Duration timeout;

    public EventPoster(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** The outcome of one post. */
    public sealed interface Posted {
        /** A 2xx answer. */
        record Delivered(int status) implements Posted {
        }

        /** Any other answer, with the start of its body. */
        record Answered(int status, byte[] bodyStart) implements Posted {
            /** 4xx but 429: the receiver will never take this event. */
            public boolean permanent() {
                return status >= 400 && status < 500 && status != 429;
            }
        }

        /** No answer: connection refused, reset or timed out. */
        record Unreachable() implements Posted {
        }
    }

    public Posted post(URI target, CloudEvent event) throws InterruptedException {
        try {
            HttpResponse<InputStream> response = client.send(request(target, event),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    body.transferTo(OutputStream.nullOutputStream());
                    return new Posted.Delivered(status);
                }
                byte[] start = body.readNBytes(BODY_KEPT);
                body.transferTo(OutputStream.nullOutputStream());
                return new Posted.Answered(status, start);
            }
        } catch (IOException e) {
            return new Posted.Unreachable();
        }
    }

    private HttpRequest request(URI target, CloudEvent event) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter((name, value) -> {
            if (!"content-length".equalsIgnoreCase(name)) {
                builder.header(name, value);
            }
        }, bytes -> body[0] = bytes).writeBinary(event);
        byte[] bytes = body[0] == null ? new byte[0] : body[0];
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }
}
