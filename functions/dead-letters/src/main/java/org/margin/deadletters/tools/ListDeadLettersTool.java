package org.margin.deadletters.tools;

import java.util.Optional;

import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.StoreUnavailableException;
import org.margin.store.deadletter.DeadLetter;
import org.margin.store.deadletter.DeadLetterFilter;
import org.margin.store.deadletter.DeadLetterPage;
import org.margin.store.deadletter.DeadLetters;
import org.margin.store.deadletter.PagePosition;
import org.margin.store.deadletter.ReplayState;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code list_dead_letters} tool: kept letters, newest first, a page at a time; never their events' data. */
public final class ListDeadLettersTool {

    public static final String NAME = "list_dead_letters";

    private static final int DEFAULT_LIMIT = 20;

    private final DeadLetters letters;

    private ListDeadLettersTool(DeadLetters letters) {
        this.letters = letters;
    }

    public static Tool tool(DeadLetters letters) {
        return Tool.builder(NAME)
                .requiredScopes(Operators.SCOPE)
                .title("List dead letters")
                .description("For the platform's operators (a service token with deadletters:admin; dead letters cross institutions): lists the events the broker could not deliver, newest first: each letter's id, the "
                        + "event's type, source and id, the subscriber that kept failing and its last HTTP status, "
                        + "when it arrived and when it was replayed. Filter by type, by destination, or by whether "
                        + "it was replayed; pass nextCursor back as cursor for the next page.")
                .inputSchema(ToolSchemas.schema("list_dead_letters.input.json"))
                .outputSchema(ToolSchemas.schema("list_dead_letters.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new ListDeadLettersTool(letters)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        if (Operators.operator(context).isEmpty()) {
            return Operators.REFUSED;
        }
        ObjectNode arguments = context.arguments();
        Optional<PagePosition> after = Optional.empty();
        if (arguments.has("cursor")) {
            after = PageCursor.decode(arguments.get("cursor").asString());
            if (after.isEmpty()) {
                return new ToolError("The cursor is not one this tool gave out; list again without a cursor.");
            }
        }
        DeadLetterPage page;
        try {
            page = letters.page(filter(arguments), after, arguments.path("limit").asInt(DEFAULT_LIMIT),
                    Consistency.READ_YOUR_WRITES);
        } catch (StoreUnavailableException unavailable) {
            return ToolSchemas.UNAVAILABLE;
        }
        ObjectNode result = Json.object();
        ArrayNode entries = result.putArray("deadLetters");
        page.entries().forEach(letter -> entries.add(entry(letter)));
        page.next().ifPresent(next -> result.put("nextCursor", PageCursor.encode(next)));
        return ToolResult.structured(result);
    }

    /** The filter from arguments that the input schema has already validated. */
    private static DeadLetterFilter filter(ObjectNode arguments) {
        JsonNode replayed = arguments.path("replayed");
        ReplayState state = !replayed.isBoolean() ? ReplayState.ANY
                : replayed.asBoolean() ? ReplayState.REPLAYED : ReplayState.NOT_REPLAYED;
        return new DeadLetterFilter(text(arguments, "type"), text(arguments, "destination"), state);
    }

    private static Optional<String> text(ObjectNode arguments, String name) {
        return arguments.has(name) ? Optional.of(arguments.get(name).asString()) : Optional.empty();
    }

    private static ObjectNode entry(DeadLetter letter) {
        ObjectNode entry = Json.object();
        entry.put("deadLetterId", letter.id().toString());
        entry.put("type", letter.type());
        entry.put("source", letter.source());
        entry.put("eventId", letter.eventId());
        letter.destination().ifPresentOrElse(destination -> entry.put("destination", destination),
                () -> entry.putNull("destination"));
        letter.status().ifPresentOrElse(status -> entry.put("status", status.intValue()),
                () -> entry.putNull("status"));
        entry.put("receivedAt", letter.receivedAt().toString());
        entry.put("copies", letter.copies());
        entry.put("replayed", letter.replayed());
        letter.replayedAt().ifPresentOrElse(at -> entry.put("replayedAt", at.toString()),
                () -> entry.putNull("replayedAt"));
        entry.put("replayCount", letter.replayCount());
        return entry;
    }
}
