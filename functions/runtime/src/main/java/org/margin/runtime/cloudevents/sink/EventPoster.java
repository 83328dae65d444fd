package org.margin.runtime.cloudevents.sink;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;

/**
 * Posts one CloudEvent in binary mode and says what became of it; retrying is the caller's policy.
 *
 * <p>Helidon's HTTP/1.1 client writes and reads on the caller's (virtual) thread over a kept-alive connection; it is
 * built on the first post, so that a function that emits nothing, or not yet, loads none of it at start-up. It is the
 * HTTP/1.1 client rather than the generic one because Knative's data plane speaks HTTP/1.1 here, and the generic
 * client works out the protocol again for every request (a quarter of the posting's CPU in a profile of the pipeline).
 */
public final class EventPoster {

    /** How much of a failed delivery's response body is kept (Knative's dead-letter extension keeps as much). */
    private static final int BODY_KEPT = 1024;

    private final Duration timeout;
    private volatile Http1Client client;

    public EventPoster(Duration timeout) {
        this.timeout = timeout;
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
        Http1ClientRequest request = client().post().uri(target).readTimeout(timeout);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter((name, value) -> {
            if (!"content-length".equalsIgnoreCase(name)) {
                request.header(HeaderNames.create(name), value);
            }
        }, bytes -> body[0] = bytes).writeBinary(event);
        try (Http1ClientResponse response = request.submit(body[0] == null ? new byte[0] : body[0]);
             InputStream answer = response.inputStream()) {
            int status = response.status().code();
            if (status >= 200 && status < 300) {
                answer.transferTo(OutputStream.nullOutputStream());
                return new Posted.Delivered(status);
            }
            byte[] start = answer.readNBytes(BODY_KEPT);
            answer.transferTo(OutputStream.nullOutputStream());
            return new Posted.Answered(status, start);
        } catch (java.io.IOException | UncheckedIOException | DataReader.InsufficientDataAvailableException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while posting an event");
            }
            return new Posted.Unreachable();
        }
    }

    private Http1Client client() {
        Http1Client built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = Http1Client.builder()
                            .connectTimeout(timeout)
                            .readTimeout(timeout)
                            .followRedirects(false)
                            // Sinks are in-cluster addresses (a Broker's ingress, a function): never through a
                            // JVM-wide proxy, and asking the system's selector parsed a URI for every event.
                            .proxy(Proxy.noProxy())
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }
}
