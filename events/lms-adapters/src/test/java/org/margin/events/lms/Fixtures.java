package org.margin.events.lms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.margin.events.Lms;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Webhook bodies (invented people and values, in the shapes the platforms send) and a configured receiver. */
final class Fixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-03-02T14:06:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final UUID INSTITUTION = UUID.fromString("6f1c1c2e-2a57-4d8e-9c64-3b8f0f6a1d01");
    static final byte[] SECRET = "moodle-north shared secret, 32+ bytes long".getBytes(StandardCharsets.UTF_8);
    static final byte[] NEXT_SECRET = "the next secret of the rotation, also long".getBytes(StandardCharsets.UTF_8);

    static final LmsSource CANVAS = LmsSource.builder("canvas-north", INSTITUTION, Lms.CANVAS).hmacSecret(SECRET).build();
    static final LmsSource MOODLE = LmsSource.builder("moodle-north", INSTITUTION, Lms.MOODLE).hmacSecret(SECRET).build();
    static final LmsSource CALIPER = LmsSource.builder("quiz-north", INSTITUTION, Lms.CALIPER).hmacSecret(SECRET).build();
    static final LmsSource XAPI = LmsSource.builder("lrs-north", INSTITUTION, Lms.XAPI).hmacSecret(SECRET).build();

    private Fixtures() {
    }

    static LmsWebhooks webhooks(ReplayGuard guard, LmsSource... sources) {
        LmsWebhooks.Builder builder = LmsWebhooks.builder().replayGuard(guard).clock(CLOCK);
        for (LmsSource source : sources) {
            builder.source(source);
        }
        return builder.build();
    }

    static LmsWebhooks webhooks() {
        return webhooks(new InMemoryReplayGuard(CLOCK), CANVAS, MOODLE, CALIPER, XAPI);
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        return JSON.readTree(text(name));
    }

    static ObjectNode object(String name) {
        return (ObjectNode) json(name);
    }

    static byte[] bytes(JsonNode json) {
        return JSON.writeValueAsBytes(json);
    }

    /** Headers signed with {@link #SECRET} at {@code at}. */
    static Map<String, List<String>> signed(byte[] body, Instant at) {
        return Map.of(HmacSignature.HEADER, List.of(HmacSignature.sign(SECRET, at.getEpochSecond(), body)));
    }

    static Map<String, List<String>> signed(byte[] body) {
        return signed(body, NOW.minusSeconds(2));
    }

    /** Receives {@code body} signed now, as a fresh delivery. */
    static WebhookOutcome receive(LmsSource source, byte[] body) {
        return webhooks().receive(source.id(), signed(body), body);
    }

    static WebhookOutcome receive(LmsSource source, JsonNode body) {
        return receive(source, bytes(body));
    }
}
