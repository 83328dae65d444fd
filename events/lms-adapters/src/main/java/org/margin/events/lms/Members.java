package org.margin.events.lms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

import tools.jackson.databind.JsonNode;

/** Reading the members of an LMS payload, whose ids may be JSON strings or numbers. */
final class Members {

    private Members() {
    }

    /** A non-blank string member, or an integral number as its digits. */
    static Optional<String> text(JsonNode parent, String member) {
        JsonNode node = parent == null ? null : parent.get(member);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isString()) {
            String value = node.asString();
            return value.isBlank() ? Optional.empty() : Optional.of(value);
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    static String required(JsonNode parent, String member, String reason) {
        return text(parent, member).orElseThrow(() -> new MalformedPayload(reason));
    }

    /** A positive whole number, given as a number or as a string of digits (PHP often sends the latter). */
    static OptionalLong positive(JsonNode parent, String member) {
        Optional<String> text = text(parent, member);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static JsonNode object(JsonNode parent, String member) {
        JsonNode node = parent == null ? null : parent.get(member);
        return node != null && node.isObject() ? node : null;
    }

    /** An RFC 3339 / ISO 8601 date-time with a zone ({@code Z} or an offset). */
    static Optional<Instant> instant(JsonNode parent, String member, String reason) {
        Optional<String> text = text(parent, member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeException e) {
            throw new MalformedPayload(reason);
        }
    }

    /** The id of an entity given either as an IRI string or as an object with an {@code id} (Caliper, xAPI). */
    static Optional<String> idOf(JsonNode entity) {
        if (entity == null) {
            return Optional.empty();
        }
        if (entity.isString()) {
            return entity.asString().isBlank() ? Optional.empty() : Optional.of(entity.asString());
        }
        return text(entity, "id");
    }
}
