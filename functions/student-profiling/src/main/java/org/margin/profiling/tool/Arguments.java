package org.margin.profiling.tool;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.TimeWindow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tools' arguments after the input schema has checked their shape, and turns what a schema cannot
 * check (dates, their order) into {@link InvalidArgument}s that name the argument, never its value.
 */
final class Arguments {

    private static final Instant EARLIEST = TimeWindow.always().from();
    private static final Instant LATEST = TimeWindow.always().until();

    private final ObjectNode arguments;

    Arguments(ObjectNode arguments) {
        this.arguments = arguments;
    }

    PersonId person(String name) {
        return new PersonId(uuid(name));
    }

    CourseId course() {
        return new CourseId(uuid("courseId"));
    }

    /** {@code from} (inclusive) to {@code until} (exclusive), each open-ended when absent. */
    TimeWindow window() {
        Instant from = instant("from", EARLIEST);
        Instant until = instant("until", LATEST);
        if (!from.isBefore(until)) {
            throw new InvalidArgument("from must be earlier than until");
        }
        return new TimeWindow(from, until);
    }

    int integer(String name, int absent) {
        JsonNode value = arguments.path(name);
        return value.isMissingNode() ? absent : value.asInt();
    }

    JsonNode path(String name) {
        return arguments.path(name);
    }

    private UUID uuid(String name) {
        try {
            return UUID.fromString(arguments.path(name).asString(""));
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidArgument(name + " must be a UUID");
        }
    }

    private Instant instant(String name, Instant absent) {
        JsonNode value = arguments.path(name);
        if (value.isMissingNode()) {
            return absent;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.asString("")).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new InvalidArgument(name + " must be an RFC 3339 date-time such as 2026-09-01T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidArgument(name + " must lie between the years 1 and 9999");
        }
        return instant;
    }
}
