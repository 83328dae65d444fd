package org.margin.governance.roster;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.mcp.Schemas;
import org.margin.platform.consent.HeldEventRelay;
import org.margin.platform.consent.ParentalConsent;
import org.margin.platform.people.PersonDetails;
import org.margin.platform.people.Pseudonyms;
import org.margin.privacy.crypto.KeysetUnavailableException;
import org.margin.runtime.cloudevents.sink.EventNotDelivered;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreUnavailableException;
import org.margin.store.course.CourseId;
import org.margin.store.course.Courses;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.course.Enrollments;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code import_roster} tool: an institution's people and their enrollments. Each person is found by their
 * LMS user id (the lookup the LMS ingress uses, so a student first seen in a webhook is the same pseudonym) or
 * registered; name, email and date of birth are stored encrypted, never returned. Importing the same roster again
 * changes nothing; an enrollment's end day is taken from the latest import. A student whom the roster shows to be
 * 13 or older has any events held for them (age unknown until now) sent on.
 */
public final class ImportRosterTool {

    public static final String NAME = "import_roster";
    public static final String SCOPE = "roster:write";

    private final Pseudonyms pseudonyms;
    private final Courses courses;
    private final Enrollments enrollments;
    private final ParentalConsent parentalConsent;
    private final HeldEventRelay held;
    private final EventSink sink;
    private final Access access;
    private final AuditRecords audit;

    private ImportRosterTool(Pseudonyms pseudonyms, Courses courses, Enrollments enrollments,
                             ParentalConsent parentalConsent, HeldEventRelay held, EventSink sink, Access access,
                             AuditRecords audit) {
        this.pseudonyms = pseudonyms;
        this.courses = courses;
        this.enrollments = enrollments;
        this.parentalConsent = parentalConsent;
        this.held = held;
        this.sink = sink;
        this.access = access;
        this.audit = audit;
    }

    public static Tool tool(Pseudonyms pseudonyms, Courses courses, Enrollments enrollments,
                            ParentalConsent parentalConsent, HeldEventRelay held, EventSink sink, Access access,
                            AuditRecords audit) {
        return Tool.builder(NAME)
                .requiredScopes(SCOPE)
                .title("Import roster")
                .description("Imports people (LMS user id, optional name, email and date of birth) and their "
                        + "enrollments (course code and title, role student | teacher | teaching_assistant, first "
                        + "and optional last day) into your institution. Returns counts and each entry's "
                        + "pseudonymous personId by its position; names and other identifying fields are stored "
                        + "encrypted and never returned. Idempotent: importing again changes only what changed. "
                        + "Needs scope " + SCOPE + ".")
                .inputSchema(Schemas.schema(ImportRosterTool.class, "import_roster.input.json"))
                .outputSchema(Schemas.schema(ImportRosterTool.class, "import_roster.output.json"))
                .annotations(new ToolAnnotations(null, false, false, true, false))
                .handler(new ImportRosterTool(pseudonyms, courses, enrollments, parentalConsent, held, sink, access,
                        audit)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        return switch (access.administrator(context, SCOPE)) {
            case Access.Refused refused -> refused.error();
            case Access.Granted granted -> run(granted, context.arguments());
        };
    }

    private ToolOutcome run(Access.Granted granted, ObjectNode arguments) {
        TenantId tenant = granted.tenant();
        List<Entry> entries = new ArrayList<>();
        JsonNode people = arguments.get("people");
        for (int i = 0; i < people.size(); i++) {
            Optional<Entry> entry = entry(people.get(i));
            if (entry.isEmpty()) {
                return invalidDate("people[" + i + "]");
            }
            entries.add(entry.get());
        }
        for (int i = 0; i < entries.size(); i++) {
            for (Enrolment enrolment : entries.get(i).enrolments()) {
                if (enrolment.endsOn().isPresent() && enrolment.endsOn().get().isBefore(enrolment.startsOn())) {
                    return new ToolError("people[" + i + "]: an enrollment ends before it starts.");
                }
            }
        }
        try {
            ObjectNode imported = importAll(tenant, entries);
            audit.action(granted, "roster.imported", tenant.toString());
            return ToolResult.structured(imported);
        } catch (StoreUnavailableException | KeysetUnavailableException e) {
            return Schemas.UNAVAILABLE;
        } catch (StoreRejectedException e) {
            return new ToolError("The roster could not be stored as sent (" + e.reason() + "); entries before the "
                    + "refused one were imported, and importing again is safe.");
        }
    }

    private ObjectNode importAll(TenantId tenant, List<Entry> entries) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, CourseId> courseIds = new HashMap<>();
        int registered = 0;
        int enrolled = 0;
        int released = 0;
        ObjectNode result = Json.object();
        ArrayNode ids = Json.NODES.arrayNode();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Pseudonyms.Ensured person = pseudonyms.ensure(tenant, entry.details());
            if (person.created()) {
                registered++;
            }
            for (Enrolment enrolment : entry.enrolments()) {
                CourseId course = courseIds.computeIfAbsent(enrolment.courseCode(),
                        code -> courses.ensure(tenant, code, enrolment.courseTitle()));
                enrollments.enrollOrSetEnd(tenant, course, person.person(), enrolment.role(),
                        enrolment.startsOn(), enrolment.endsOn());
                enrolled++;
            }
            if (!entry.enrolments().isEmpty()) {
                // An enrolment given an end narrows whom educators may see: no instance may keep the old answer.
                access.policy().enrolmentChanged(tenant, person.person());
            }
            if (entry.details().dateOfBirth().isPresent()
                    && !parentalConsent.required(tenant, person.person(), today)) {
                released += release(tenant, person.person());
            }
            ObjectNode id = ids.addObject();
            id.put("index", i);
            id.put("personId", person.person().toString());
        }
        result.put("people", entries.size());
        result.put("registered", registered);
        result.put("updated", entries.size() - registered);
        result.put("enrollments", enrolled);
        result.put("released", released);
        result.set("pseudonyms", ids);
        return result;
    }

    /** Sends on what was held while the student's age was unknown; what the broker refuses stays held. */
    private int release(TenantId tenant, PersonId person) {
        try {
            return held.release(tenant, person, sink);
        } catch (EventNotDelivered e) {
            return 0;
        }
    }

    private static Optional<Entry> entry(JsonNode person) {
        try {
            List<Enrolment> enrolments = new ArrayList<>();
            for (JsonNode enrolment : person.path("enrollments")) {
                String code = enrolment.get("courseCode").asString();
                enrolments.add(new Enrolment(code, enrolment.path("courseTitle").asString(code),
                        role(enrolment.get("role").asString()), LocalDate.parse(enrolment.get("startsOn").asString()),
                        optionalDate(enrolment, "endsOn")));
            }
            PersonDetails details = new PersonDetails(person.get("lmsUserId").asString(),
                    optionalText(person, "name"), optionalText(person, "email"),
                    optionalDate(person, "dateOfBirth"));
            return Optional.of(new Entry(details, enrolments));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ToolError invalidDate(String path) {
        return new ToolError(path + ": a date is not a valid ISO date (yyyy-mm-dd).");
    }

    private static EnrollmentRole role(String value) {
        return switch (value) {
            case "teacher" -> EnrollmentRole.TEACHER;
            case "teaching_assistant" -> EnrollmentRole.TEACHING_ASSISTANT;
            default -> EnrollmentRole.STUDENT;
        };
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asString()) : Optional.empty();
    }

    private static Optional<LocalDate> optionalDate(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(LocalDate.parse(node.get(field).asString())) : Optional.empty();
    }

    /** One roster entry. Its toString names no identifying field. */
    private record Entry(PersonDetails details, List<Enrolment> enrolments) {
    }

    private record Enrolment(String courseCode, String courseTitle, EnrollmentRole role, LocalDate startsOn,
                             Optional<LocalDate> endsOn) {
    }
}
