package org.margin.deadletters.tools;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.margin.audit.entry.Actor;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.audit.log.AuditLog;
import org.margin.runtime.auth.Caller;

import org.margin.deadletters.LetterFormat;
import org.margin.runtime.cloudevents.sink.EventNotDelivered;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.StoreUnavailableException;
import org.margin.store.deadletter.DeadLetterEvent;
import org.margin.store.deadletter.DeadLetterId;
import org.margin.store.deadletter.DeadLetters;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code replay_dead_letters} tool: sends kept events to the broker again, one by one, without Knative's error
 * extensions, and marks each one the broker accepted as replayed. A letter whose send failed stays unreplayed.
 */
public final class ReplayDeadLettersTool {

    public static final String NAME = "replay_dead_letters";

    private static final int DEFAULT_LIMIT = 100;

    /** The audit action of one letter replayed; its target is {@code dead-letter:<id>}. */
    public static final String ACTION = "dead_letter.replayed";

    private final DeadLetters letters;
    private final EventSink sink;
    private final AuditLog audit;
    private final Clock clock;

    private ReplayDeadLettersTool(DeadLetters letters, EventSink sink, AuditLog audit, Clock clock) {
        this.letters = letters;
        this.sink = sink;
        this.audit = audit;
        this.clock = clock;
    }

    public static Tool tool(DeadLetters letters, EventSink sink, AuditLog audit, Clock clock) {
        return Tool.builder(NAME)
                .requiredScopes(Operators.SCOPE)
                .title("Replay dead letters")
                .description("For the platform's operators (a service token with deadletters:admin; dead letters cross institutions): sends dead "
                        + "letters' events to the broker again, unchanged but for the knativeerror* "
                        + "extensions, and marks each one the broker accepted as replayed. Give either "
                        + "deadLetterIds (from list_dead_letters) or a type, which replays that type's letters not "
                        + "yet replayed, oldest first, up to limit. Reports how many were sent and which failed; a "
                        + "failed letter stays unreplayed. Replaying twice sends the events twice. Every letter about to be sent "
                        + "is first recorded in the installation's audit log under the operator's name.")
                .inputSchema(ToolSchemas.schema("replay_dead_letters.input.json"))
                .outputSchema(ToolSchemas.schema("replay_dead_letters.output.json"))
                .annotations(new ToolAnnotations(null, false, false, false, false))
                .handler(new ReplayDeadLettersTool(letters, sink, audit, clock)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<Caller> operator = Operators.operator(context);
        if (operator.isEmpty()) {
            return Operators.REFUSED;
        }
        Optional<Actor> actor = Operators.actor(operator.get());
        if (actor.isEmpty()) {
            return Operators.UNNAMED;
        }
        ObjectNode arguments = context.arguments();
        ObjectNode result = Json.object();
        List<DeadLetterEvent> chosen;
        try {
            if (arguments.has("deadLetterIds")) {
                Set<DeadLetterId> ids = new LinkedHashSet<>();
                JsonNode given = arguments.get("deadLetterIds");
                for (int i = 0; i < given.size(); i++) {
                    try {
                        ids.add(new DeadLetterId(UUID.fromString(given.get(i).asString())));
                    } catch (IllegalArgumentException notAnId) {
                        return new ToolError("deadLetterIds[" + i + "] is not a dead-letter id; use the "
                                + "deadLetterId values list_dead_letters gives.");
                    }
                }
                chosen = letters.events(List.copyOf(ids));
                result.put("notFound", ids.size() - chosen.size());
                result.put("more", false);
            } else {
                int limit = arguments.path("limit").asInt(DEFAULT_LIMIT);
                chosen = letters.unreplayed(arguments.get("type").asString(), limit + 1);
                result.put("notFound", 0);
                result.put("more", chosen.size() > limit);
                chosen = chosen.subList(0, Math.min(limit, chosen.size()));
            }
            recordDurably(actor.get(), chosen);
            replay(chosen, result);
        } catch (StoreUnavailableException unavailable) {
            return ToolSchemas.UNAVAILABLE;
        }
        return ToolResult.structured(result);
    }

    /** One administrative action per letter, all in one group commit, before any is sent. */
    private void recordDurably(Actor actor, List<DeadLetterEvent> chosen) {
        List<AdministrativeAction> actions = new ArrayList<>(chosen.size());
        for (DeadLetterEvent letter : chosen) {
            actions.add(new AdministrativeAction(clock.instant(), actor, ACTION, "dead-letter:" + letter.id()));
        }
        try {
            audit.recordAllDurably(AuditLog.INSTALLATION, actions);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private void replay(List<DeadLetterEvent> chosen, ObjectNode result) {
        int sent = 0;
        List<Failure> failures = new ArrayList<>();
        for (DeadLetterEvent letter : chosen) {
            CloudEvent event;
            try {
                event = LetterFormat.replayable(letter.event().bytes());
            } catch (EventDeserializationException unreadable) {
                failures.add(new Failure(letter.id(), "the kept event could not be read"));
                continue;
            }
            try {
                sink.send(event);
            } catch (EventNotDelivered notDelivered) {
                failures.add(new Failure(letter.id(), notDelivered.getMessage()));
                continue;
            }
            letters.markReplayed(letter.id());
            sent++;
        }
        result.put("sent", sent);
        result.put("failed", failures.size());
        ArrayNode failed = result.putArray("failures");
        for (Failure failure : failures) {
            ObjectNode entry = failed.addObject();
            entry.put("deadLetterId", failure.id().toString());
            entry.put("reason", failure.reason());
        }
    }

    /** A letter that was not sent, and why in fixed words. */
    private record Failure(DeadLetterId id, String reason) {
        Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
