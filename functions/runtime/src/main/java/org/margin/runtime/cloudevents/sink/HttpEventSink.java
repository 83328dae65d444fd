package org.margin.runtime.cloudevents.sink;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends events in binary mode by HTTP POST to the sink that Knative's SinkBinding names in {@code K_SINK}, with
 * the extensions of {@code K_CE_OVERRIDES} applied. A refused event (4xx but 429) fails at once; an unreachable,
 * overloaded or failing sink is tried again a few times before the send fails as retryable.
 */
public final class HttpEventSink implements EventSink {

    public static final String K_SINK = "K_SINK";
    public static final String K_CE_OVERRIDES = "K_CE_OVERRIDES";

    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI sink;
    private final Map<String, String> overrides;
    private final EventPoster poster;

    public HttpEventSink(URI sink, Map<String, String> overrides) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.overrides = Map.copyOf(overrides);
        this.poster = new EventPoster(TIMEOUT);
    }

    /**
     * The sink {@code env} configures, or {@link EventSink#unconfigured()} without {@code K_SINK}.
     *
     * @throws IllegalArgumentException naming the variable, when one is unusable
     */
    public static EventSink fromEnvironment(Map<String, String> env) {
        String sink = env.get(K_SINK);
        if (sink == null || sink.isBlank()) {
            return EventSink.unconfigured();
        }
        URI uri;
        try {
            uri = URI.create(sink.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(K_SINK + " is not a URI");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(K_SINK + " must be an http or https URI");
        }
        return new HttpEventSink(uri, overrides(env.get(K_CE_OVERRIDES)));
    }

    /** {@code K_CE_OVERRIDES}: {@code {"extensions": {"name": "value", ...}}}. */
    static Map<String, String> overrides(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonNode extensions;
        try {
            extensions = Json.MAPPER.readTree(json).path("extensions");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(K_CE_OVERRIDES + " is not JSON");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> extension : extensions.properties()) {
            if (!extension.getValue().isValueNode()) {
                throw new IllegalArgumentException(K_CE_OVERRIDES + " extension values must be strings");
            }
            overrides.put(extension.getKey(), extension.getValue().asString());
        }
        return overrides;
    }

    public URI uri() {
        return sink;
    }

    @Override
    public void send(CloudEvent event) {
        CloudEvent sent = withOverrides(event);
        Duration backoff = FIRST_BACKOFF;
        String failure = "the event sink could not be reached";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            EventPoster.Posted posted;
            try {
                posted = poster.post(sink, sent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventNotDelivered("interrupted while sending an event", true);
            }
            switch (posted) {
                case EventPoster.Posted.Delivered delivered -> {
                    return;
                }
                case EventPoster.Posted.Answered answered when answered.permanent() ->
                        throw new EventNotDelivered("the event sink refused the event with status "
                                + answered.status(), false);
                case EventPoster.Posted.Answered answered -> failure = "the event sink answered " + answered.status();
                case EventPoster.Posted.Unreachable unreachable -> failure = "the event sink could not be reached";
            }
            if (attempt < ATTEMPTS) {
                sleep(backoff);
                backoff = backoff.multipliedBy(4);
            }
        }
        throw new EventNotDelivered(failure, true);
    }

    private CloudEvent withOverrides(CloudEvent event) {
        if (overrides.isEmpty()) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event);
        overrides.forEach(builder::withExtension);
        return builder.build();
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotDelivered("interrupted while sending an event", true);
        }
    }
}
