package org.margin.alerts.tool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.margin.access.AccessPolicy;
import org.margin.access.AuditTerms;
import org.margin.access.Basis;
import org.margin.access.Decision;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.log.AuditLog;
import org.margin.alerts.rule.MetricNames;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreUnavailableException;
import org.margin.store.alert.Alert;
import org.margin.store.alert.AlertFilter;
import org.margin.store.alert.AlertPage;
import org.margin.store.alert.AlertPosition;
import org.margin.store.alert.AlertStatus;
import org.margin.store.alert.ListingSnapshot;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code list_alerts} tool: the caller's own alerts, newest first, a page at a time. */
public final class ListAlertsTool {

    public static final String NAME = "list_alerts";
    private static final int DEFAULT_LIMIT = 20;

    private static final Set<DataCategory> SHOWN = Set.of(DataCategory.ALERTS);

    private final Store store;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    private ListAlertsTool(Store store, AccessPolicy access, AuditLog audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public static Tool tool(Store store, AccessPolicy access, AuditLog audit, Clock clock) {
        return Tool.builder(NAME)
                .requiredScopes("alerts:read")
                .title("List my alerts")
                .description("Lists the alerts addressed to you (the signed-in educator), newest first, about "
                        + "students you teach today: which rule fired about which student (pseudonyms), on which "
                        + "submission, with the observed figure and the status. Filter by status or course; page "
                        + "with limit and the returned nextCursor. To check for new alerts, pass a listing's "
                        + "nextSyncToken as syncToken: only the alerts raised since that listing come back, each "
                        + "once. Each student shown is recorded in the institution's disclosure log.")
                .inputSchema(ToolSupport.schema("list_alerts.input.json"))
                .outputSchema(ToolSupport.schema("list_alerts.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new ListAlertsTool(store, access, audit, clock)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<ActingCaller> found = ActingCaller.of(context, store, Set.of(Role.EDUCATOR));
        if (found.isEmpty()) {
            return new ToolError(ActingCaller.EDUCATORS_ONLY);
        }
        ActingCaller educator = found.get();
        ObjectNode arguments = context.arguments();
        Optional<AlertPosition> after = Optional.empty();
        if (arguments.has("cursor")) {
            after = ListingTokens.position(arguments.path("cursor").asString());
            if (after.isEmpty()) {
                return new ToolError("cursor is not one list_alerts gave out; start again without it.");
            }
        }
        Optional<ListingSnapshot> unseenBy = Optional.empty();
        if (arguments.has("syncToken")) {
            unseenBy = ListingTokens.listing(arguments.path("syncToken").asString());
            if (unseenBy.isEmpty()) {
                return new ToolError("syncToken is not one list_alerts gave out; list again without it.");
            }
        }
        Optional<AlertPosition> start = after;
        AlertFilter filter = new AlertFilter(
                arguments.has("status")
                        ? Optional.of(AlertStatus.valueOf(arguments.path("status").asString().toUpperCase(Locale.ROOT)))
                        : Optional.empty(),
                ToolSupport.optionalId(arguments, "courseId").map(CourseId::new), unseenBy);
        int limit = arguments.path("limit").asInt(DEFAULT_LIMIT);
        return ToolSupport.unlessUnavailable(() -> {
            // One more than asked tells whether a next page exists without a second read.
            AlertPage read = educator.store().alerts().forEducator(educator.tenant(), educator.person(),
                    filter, start, limit + 1, Consistency.READ_YOUR_WRITES);
            List<Alert> alerts = read.alerts();
            ObjectNode result = Json.object();
            ArrayNode items = result.putArray("alerts");
            List<Alert> page = alerts.subList(0, Math.min(limit, alerts.size()));
            // Row-level security has narrowed the rows already; the policy gives the basis to record.
            Map<PersonId, Decision> decisions = access.students(educator.caller(), educator.tenant(),
                    page.stream().map(Alert::student).toList());
            Map<PersonId, Basis> shown = new LinkedHashMap<>();
            for (Alert alert : page) {
                if (decisions.get(alert.student()) instanceof Decision.Permitted permitted) {
                    shown.put(alert.student(), permitted.basis());
                    items.add(json(alert));
                }
            }
            if (alerts.size() > limit) {
                result.put("nextCursor", ListingTokens.cursor(read.after(alerts.get(limit - 1))));
            }
            result.put("nextSyncToken", ListingTokens.syncToken(read.listing()));
            disclose(educator, shown);
            return ToolResult.structured(result);
        });
    }

    /** One disclosure per student shown, all committed (together, as one group) before the page leaves. */
    private void disclose(ActingCaller educator, Map<PersonId, Basis> shown) {
        Actor actor = Actor.person(ActorRole.EDUCATOR, educator.person().value());
        List<Disclosure> disclosures = new ArrayList<>(shown.size());
        shown.forEach((student, basis) -> disclosures.add(new Disclosure(clock.instant(), actor, student.value(), NAME,
                SHOWN, AuditTerms.legalBasis(basis))));
        try {
            audit.recordAllDurably(educator.tenant(), disclosures);
        } catch (CompletionException failed) {
            throw new StoreUnavailableException("a disclosure record was not committed", null);
        }
    }

    static ObjectNode json(Alert alert) {
        ObjectNode node = Json.object();
        node.put("alertId", alert.id().value().toString());
        node.put("ruleId", alert.rule().value().toString());
        node.put("kind", alert.kind().column());
        node.put("courseId", alert.course().value().toString());
        node.put("studentId", alert.student().value().toString());
        alert.submission().ifPresent(submission -> node.put("submissionId", submission.value().toString()));
        alert.metric().ifPresent(metric -> node.put("metric", MetricNames.wireName(metric)));
        node.put("observed", alert.observed());
        node.put("status", alert.status().name().toLowerCase(Locale.ROOT));
        node.put("raisedAt", alert.raisedAt().toString());
        return node;
    }
}
