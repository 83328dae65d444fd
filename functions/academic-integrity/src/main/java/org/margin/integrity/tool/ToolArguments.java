package org.margin.integrity.tool;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.margin.runtime.mcp.outcome.ToolError;

import tools.jackson.databind.JsonNode;

/** Reading ids from a tool's arguments; the messages name the argument, never echo its value. */
final class ToolArguments {

    /** Fixed words for a store or grid outage: nothing of the cause reaches the caller. */
    static final ToolError UNAVAILABLE = new ToolError(
            "The integrity service is temporarily unavailable. Please retry in a few seconds.");

    /** No authenticated person of an institution behind the call: nothing is looked up. */
    static final ToolError NO_PERSON = new ToolError("This tool acts for a person of an institution: call it with "
            + "an access token of a student, educator or administrator that names the person.");

    /** Fixed words for a course the caller may not check, whether or not it exists. */
    static final ToolError COURSE_REFUSED = new ToolError(
            "Similarity checks of that course are available only to its current educators and the institution's "
                    + "administrators.");

    /** Fixed words for a submission that is unknown, of another course, or not the caller's to see. */
    static final ToolError NO_SUCH_SUBMISSION = new ToolError("No such submission in this course.");

    /** Fixed words for a report the caller may not see, whether or not it exists. */
    static final ToolError REPORT_REFUSED = new ToolError("No integrity report of that submission is available to you.");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ToolArguments() {
    }

    /** The argument as a UUID; empty when it is absent or not a UUID. */
    static Optional<UUID> uuid(JsonNode arguments, String name) {
        String text = arguments.path(name).asString("");
        return UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    static ToolError notAUuid(String name) {
        return new ToolError(name + " must be a UUID such as 0190a3e2-7c1d-7b4e-9f2a-3c5d6e7f8a9b.");
    }
}
