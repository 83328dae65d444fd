package org.margin.governance.rights;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.audit.entry.DataCategory;
import java.util.EnumSet;
import java.util.Set;
import org.margin.governance.access.Arguments;
import org.margin.governance.access.Guarded;
import org.margin.governance.mcp.Schemas;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreRejectedException;
import org.margin.store.people.PersonId;
import org.margin.store.subject.DataRequest;
import org.margin.store.subject.DataRequestId;
import org.margin.store.subject.ErasureCounts;
import org.margin.store.subject.NewDataRequest;
import org.margin.store.subject.Regime;
import org.margin.store.subject.RequestChannel;
import org.margin.store.subject.RequestKind;
import org.margin.store.subject.RequestStatus;
import org.margin.store.subject.SubjectRecords;
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-subject rights tools: {@code export_student_data}, {@code erase_student_data},
 * {@code file_data_request} and {@code list_data_requests}.
 *
 * <p>Who may erase: an administrator of the institution, after confirming. A student may ask for their own
 * erasure through the same tool (GDPR Art. 17 gives them the right to request it), which files the request with
 * its deadline for an administrator to decide: what Margin holds is part of the institution's education records
 * (FERPA), which it may have to keep (GDPR Art. 17(3)(b), a legal obligation, or a pending grade appeal), so the
 * decision is the institution's, and it is tracked against the deadline.
 */
public final class RightsTools {

    public static final String EXPORT = "export_student_data";
    public static final String ERASE = "erase_student_data";
    public static final String FILE = "file_data_request";
    public static final String LIST = "list_data_requests";
    public static final List<String> NAMES = List.of(EXPORT, ERASE, FILE, LIST);

    public static final String EXPORT_SCOPE = "data:export";
    public static final String ERASE_SCOPE = "data:erase";
    public static final String REQUESTS_WRITE_SCOPE = "requests:write";
    public static final String REQUESTS_READ_SCOPE = "requests:read";

    static final String NO_SUCH_STUDENT = "No student with this studentId in your institution.";
    static final String CONFIRM = "confirm";

    private static final String REGIME = """
            "regime": {"type": "string", "enum": ["gdpr", "ccpa", "ferpa"], "default": "gdpr",
                       "description": "The law the request is made under; it sets the deadline."}""";
    private static final String REQUEST_ID = """
            "requestId": {"type": "string", "pattern": "PSEUDONYM",
                          "description": "An open request filed earlier (file_data_request) that this answers."}""";
    private static final String STUDENT_ID = """
            "studentId": {"type": "string", "pattern": "PSEUDONYM", "description": "The student's pseudonym."}""";

    private final Store store;
    private final SubjectExport export;
    private final StudentErasure erasure;
    private final Clock clock;
    private final Access access;
    private final AuditRecords audit;

    /** What an export shows of a student: everything Margin holds. */
    private static final Set<DataCategory> EXPORTED = EnumSet.of(DataCategory.ROSTER, DataCategory.SUBMISSIONS,
            DataCategory.METRICS, DataCategory.PROFILE, DataCategory.ALERTS, DataCategory.FINGERPRINTS,
            DataCategory.INTEGRITY_REPORTS, DataCategory.CONSENT);

    public RightsTools(Store store, SubjectExport export, StudentErasure erasure, Clock clock, Access access,
                       AuditRecords audit) {
        this.store = store;
        this.export = export;
        this.erasure = erasure;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    public List<Tool> tools() {
        return List.of(
                Tool.builder(EXPORT)
                        .requiredScopes(EXPORT_SCOPE)
                        .title("Export a student's data")
                        .description("Everything Margin holds about a student, as one JSON document with names and "
                                + "texts readable: identity, submissions with their texts, metrics, profile, alerts, "
                                + "integrity reports, enrolments and data requests. A student may export their own "
                                + "data (studentId may then be left out); an administrator any student's of the "
                                + "institution. Recorded as a completed access request.")
                        .inputSchema(Arguments.schema("{\"type\": \"object\", \"properties\": {" + STUDENT_ID + ", "
                                + REGIME + ", " + REQUEST_ID + "}, \"additionalProperties\": false}"))
                        .annotations(new ToolAnnotations(null, true, false, false, false))
                        .handler(this::export)
                        .build(),
                Tool.builder(ERASE)
                        .requiredScopes(ERASE_SCOPE)
                        .title("Erase a student's data")
                        .description("Erases every record Margin holds about a student: submissions, metrics, "
                                + "profile, alerts, integrity index entries and reports, enrolments, identity, and "
                                + "cached copies; then announces the erasure. Administrators only, after confirming "
                                + "the counts shown. A student calling it for themself files an erasure request for "
                                + "the institution to decide, with its legal deadline.")
                        .inputSchema(Arguments.schema("{\"type\": \"object\", \"properties\": {" + STUDENT_ID + ", "
                                + REGIME + ", " + REQUEST_ID + "}, \"required\": [\"studentId\"], "
                                + "\"additionalProperties\": false}"))
                        .annotations(new ToolAnnotations(null, false, true, false, false))
                        .handler(this::erase)
                        .build(),
                Tool.builder(FILE)
                        .requiredScopes(REQUESTS_WRITE_SCOPE)
                        .title("File a data-subject request")
                        .description("Records a request received outside Margin (a letter, a form, an e-mail) "
                                + "with its legal deadline: GDPR one month, CCPA and FERPA 45 days from receipt.")
                        .inputSchema(Arguments.schema("{\"type\": \"object\", \"properties\": {" + STUDENT_ID + ", "
                                + "\"kind\": {\"type\": \"string\", \"enum\": [\"export\", \"erasure\"]}, " + REGIME
                                + ", \"receivedAt\": {\"type\": \"string\", \"format\": \"date-time\", "
                                + "\"description\": \"When it was received; now if left out.\"}}, "
                                + "\"required\": [\"studentId\", \"kind\", \"regime\"], "
                                + "\"additionalProperties\": false}"))
                        .annotations(new ToolAnnotations(null, false, false, false, false))
                        .handler(this::file)
                        .build(),
                Tool.builder(LIST)
                        .requiredScopes(REQUESTS_READ_SCOPE)
                        .title("List data-subject requests")
                        .description("The institution's export and erasure requests: open ones first by deadline, "
                                + "with the days left or overdue, then the completed and refused ones.")
                        .inputSchema(Arguments.schema("{\"type\": \"object\", \"properties\": {"
                                + "\"status\": {\"type\": \"string\", \"enum\": [\"received\", \"completed\", "
                                + "\"refused\"]}, \"limit\": {\"type\": \"integer\", \"minimum\": 1, "
                                + "\"maximum\": 500, \"default\": 100}}, \"additionalProperties\": false}"))
                        .annotations(ToolAnnotations.readOnly())
                        .handler(this::list)
                        .build());
    }

    ToolOutcome export(RequestContext context) {
        ObjectNode arguments = context.arguments();
        Optional<UUID> target = Arguments.optionalId(arguments, "studentId")
                .or(() -> context.caller().filter(caller -> caller.role() == Role.STUDENT).flatMap(Caller::person));
        if (target.isEmpty()) {
            return Guarded.run(access.administrator(context, EXPORT_SCOPE),
                    granted -> new ToolError("Name the student: studentId is required."));
        }
        PersonId student = new PersonId(target.get());
        return Guarded.run(access.administratorOrSelf(context, EXPORT_SCOPE, student), granted -> {
            // Read as the caller, so row-level security narrows it again: a student's transaction sees only their rows.
            Actor actor = granted.caller().role() == Role.ADMINISTRATOR
                    ? Actor.administrator(granted.caller().person().map(PersonId::new))
                    : Actor.student(student);
            Optional<SubjectRecords> records = store.actingFor(actor).subjects().records(granted.tenant(), student,
                    Consistency.READ_YOUR_WRITES);
            if (records.isEmpty()) {
                return new ToolError(NO_SUCH_STUDENT);
            }
            Instant now = clock.instant();
            ObjectNode document = export.document(granted.tenant(), records.get(), now);
            String receipt = "{\"exportedAt\":\"" + now + "\",\"submissions\":" + records.get().submissions().size()
                    + "}";
            Optional<DataRequestId> filed = Arguments.optionalId(arguments, "requestId").map(DataRequestId::new);
            if (filed.isPresent()) {
                if (!store.dataRequests().close(granted.tenant(), filed.get(), student, RequestKind.EXPORT,
                        RequestStatus.COMPLETED, receipt)) {
                    return new ToolError("requestId names no open export request of this student.");
                }
            } else {
                Regime regime = regime(arguments);
                store.dataRequests().fileCompleted(granted.tenant(), new NewDataRequest(student, RequestKind.EXPORT,
                        regime, RequestChannel.TOOL, now, Deadlines.due(regime, now)), receipt);
            }
            audit.disclosure(granted, student, EXPORT, EXPORTED);
            return ToolResult.structured(document);
        });
    }

    ToolOutcome erase(RequestContext context) {
        ObjectNode arguments = context.arguments();
        PersonId student = new PersonId(UUID.fromString(arguments.path("studentId").asString()));
        return Guarded.run(access.administratorOrSelf(context, ERASE_SCOPE, student), granted -> {
            if (granted.caller().role() != Role.ADMINISTRATOR) {
                return requestOwnErasure(granted, student, regime(arguments));
            }
            ObjectNode state = context.state();
            if (!state.has("studentId")) {
                return askToConfirm(context, granted.tenant(), student, arguments);
            }
            if (!state.path("studentId").asString().equals(student.value().toString())) {
                return new ToolError("The confirmation was for another student; nothing was erased.");
            }
            JsonNode answer = context.inputResponse(CONFIRM).orElse(Json.NODES.missingNode());
            if (!"accept".equals(answer.path("action").asString(""))
                    || !answer.path("content").path(CONFIRM).asBoolean(false)) {
                ObjectNode result = Json.object();
                result.put("erased", false);
                result.put("studentId", student.value().toString());
                result.put("reason", "not confirmed (" + answer.path("action").asString("no answer") + ")");
                return ToolResult.structured(result);
            }
            try {
                return erasure.erase(granted.tenant(), student, Regime.fromWire(state.path("regime").asString()),
                                Arguments.optionalId(state, "requestId").map(DataRequestId::new))
                        .<ToolOutcome>map(receipt -> {
                            audit.action(granted, "student.erased", student.value() + ":" + receipt.id().value());
                            return ToolResult.structured(receipt(student, receipt));
                        })
                        .orElseGet(() -> new ToolError(NO_SUCH_STUDENT));
            } catch (StoreRejectedException rejected) {
                return new ToolError(rejected.reason() == StoreRejectedException.Reason.MISSING_REFERENCE
                        && "data_requests_open".equals(rejected.constraint())
                        ? "requestId names no open erasure request of this student; nothing was erased."
                        : "This person cannot be erased as a student (they still own records such as alert rules); "
                        + "nothing was erased.");
            }
        });
    }

    private ToolOutcome askToConfirm(RequestContext context, TenantId tenant, PersonId student,
                                     ObjectNode arguments) {
        Optional<ErasureCounts> counts = store.subjects().counts(tenant, student, Consistency.READ_YOUR_WRITES);
        if (counts.isEmpty()) {
            return new ToolError(NO_SUCH_STUDENT);
        }
        if (!context.clientSupports(ClientCapability.ELICITATION)) {
            return new ToolError("Erasure must be confirmed, and this client cannot be asked (no elicitation "
                    + "support); nothing was erased.");
        }
        StringBuilder message = new StringBuilder("Erase every record of student ").append(student.value())
                .append("? This deletes");
        String separator = " ";
        for (var entry : counts.get().byTable().entrySet()) {
            message.append(separator).append(entry.getValue()).append(' ')
                    .append(entry.getKey().replace('_', ' '));
            separator = ", ";
        }
        message.append(", and the cached copies. It cannot be undone.");
        ObjectNode schema = Arguments.schema("""
                {"type": "object", "properties": {"confirm": {"type": "boolean", "title": "Erase this student",
                 "description": "Yes: delete everything listed, now and for good."}}, "required": ["confirm"]}""");
        ObjectNode state = Json.object();
        state.put("studentId", student.value().toString());
        state.put("regime", regime(arguments).wireName());
        Arguments.optionalText(arguments, "requestId").ifPresent(id -> state.put("requestId", id));
        return new InputRequired(Map.of(CONFIRM, new InputRequest.Elicitation(message.toString(), schema)),
                state);
    }

    private ToolOutcome requestOwnErasure(Access.Granted granted, PersonId student, Regime regime) {
        TenantId tenant = granted.tenant();
        Instant now = clock.instant();
        DataRequestId id = store.dataRequests().file(tenant, new NewDataRequest(student, RequestKind.ERASURE, regime,
                RequestChannel.TOOL, now, Deadlines.due(regime, now)));
        audit.action(granted, "data_request.filed", student.value() + ":" + id.value());
        return store.dataRequests().find(tenant, id, Consistency.READ_YOUR_WRITES)
                .<ToolOutcome>map(request -> {
                    ObjectNode result = RequestJson.of(request, now);
                    result.put("note", "Your request is recorded; an administrator of your institution decides on "
                            + "it before the deadline.");
                    return ToolResult.structured(result);
                })
                .orElse(Schemas.UNAVAILABLE);
    }

    private static ObjectNode receipt(PersonId student, StudentErasure.Receipt receipt) {
        ObjectNode json = Json.object();
        json.put("erased", true);
        json.put("receiptId", receipt.id().value().toString());
        json.put("studentId", student.value().toString());
        json.put("erasedAt", receipt.erased().erasedAt().toString());
        ObjectNode deleted = json.putObject("deleted");
        receipt.erased().counts().byTable().forEach(deleted::put);
        json.put("cacheKeysBuried", receipt.cacheKeysBuried());
        json.put("announced", receipt.announced());
        return json;
    }

    ToolOutcome file(RequestContext context) {
        return Guarded.run(access.administrator(context, REQUESTS_WRITE_SCOPE), granted -> {
            ObjectNode arguments = context.arguments();
            PersonId student = new PersonId(UUID.fromString(arguments.path("studentId").asString()));
            Instant now = clock.instant();
            Instant received;
            try {
                received = Arguments.optionalText(arguments, "receivedAt")
                        .map(text -> OffsetDateTime.parse(text).toInstant()).orElse(now);
            } catch (DateTimeParseException notATime) {
                return new ToolError("receivedAt must be an RFC 3339 date-time such as 2026-03-02T09:00:00Z.");
            }
            if (received.isAfter(now)) {
                return new ToolError("receivedAt is in the future.");
            }
            Regime regime = regime(arguments);
            RequestKind kind = RequestKind.fromWire(arguments.path("kind").asString());
            DataRequestId id = store.dataRequests().file(granted.tenant(), new NewDataRequest(student, kind, regime,
                    RequestChannel.OUTSIDE, received, Deadlines.due(regime, received)));
            audit.action(granted, "data_request.filed", student.value() + ":" + id.value());
            return store.dataRequests().find(granted.tenant(), id, Consistency.READ_YOUR_WRITES)
                    .<ToolOutcome>map(request -> ToolResult.structured(RequestJson.of(request, now)))
                    .orElse(Schemas.UNAVAILABLE);
        });
    }

    ToolOutcome list(RequestContext context) {
        return Guarded.run(access.administrator(context, REQUESTS_READ_SCOPE), granted -> {
            ObjectNode arguments = context.arguments();
            Optional<RequestStatus> status = Arguments.optionalText(arguments, "status").map(RequestStatus::fromWire);
            int limit = arguments.path("limit").asInt(100);
            Instant now = clock.instant();
            List<DataRequest> requests = store.dataRequests().list(granted.tenant(), status, limit,
                    Consistency.READ_YOUR_WRITES);
            ObjectNode result = Json.object();
            var entries = result.putArray("requests");
            requests.forEach(request -> entries.add(RequestJson.of(request, now)));
            result.put("overdue", requests.stream()
                    .filter(request -> request.status() == RequestStatus.RECEIVED && now.isAfter(request.dueAt()))
                    .count());
            return ToolResult.structured(result);
        });
    }

    private static Regime regime(ObjectNode arguments) {
        return Regime.fromWire(Arguments.optionalText(arguments, "regime").orElse("gdpr").toLowerCase(Locale.ROOT));
    }
}
