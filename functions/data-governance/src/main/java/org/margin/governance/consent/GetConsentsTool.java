package org.margin.governance.consent;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.margin.audit.entry.DataCategory;

import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.mcp.Schemas;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.StoreUnavailableException;
import org.margin.store.consent.Consent;
import org.margin.store.consent.ConsentStatus;
import org.margin.store.consent.Consents;
import org.margin.store.consent.HeldEvents;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code get_consents} tool: a student's consents, current and withdrawn, what they allow now, and how many of
 * the student's submissions wait for a parent's consent. An administrator reads any student of the institution; a
 * student reads their own.
 */
public final class GetConsentsTool {

    public static final String NAME = "get_consents";
    public static final String SCOPE = "consent:read";

    private final Consents consents;
    private final HeldEvents heldEvents;
    private final Access access;
    private final AuditRecords audit;

    private GetConsentsTool(Consents consents, HeldEvents heldEvents, Access access, AuditRecords audit) {
        this.consents = consents;
        this.heldEvents = heldEvents;
        this.access = access;
        this.audit = audit;
    }

    public static Tool tool(Consents consents, HeldEvents heldEvents, Access access, AuditRecords audit) {
        return Tool.builder(NAME)
                .requiredScopes(SCOPE)
                .title("Get consents")
                .description("A student's consents per purpose (who gave each, how a parent's was verified, when "
                        + "given and withdrawn), whether each purpose is processed now, and how many submissions "
                        + "are held for a parent's consent. An administrator, or the student for themself. Needs "
                        + "scope " + SCOPE + ".")
                .inputSchema(Schemas.schema(GetConsentsTool.class, "get_consents.input.json"))
                .outputSchema(Schemas.schema(GetConsentsTool.class, "get_consents.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(new GetConsentsTool(consents, heldEvents, access, audit)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<PersonId> student = Arguments.student(context.arguments());
        if (student.isEmpty()) {
            return new ToolError("studentId is not a person id; use the personId import_roster gives.");
        }
        return switch (access.administratorOrSelf(context, SCOPE, student.get())) {
            case Access.Refused refused -> refused.error();
            case Access.Granted granted -> run(granted, student.get());
        };
    }

    private ToolOutcome run(Access.Granted granted, PersonId student) {
        TenantId tenant = granted.tenant();
        List<Consent> recorded;
        long held;
        try {
            recorded = consents.of(tenant, student, Consistency.READ_YOUR_WRITES);
            held = heldEvents.count(tenant, student);
            audit.disclosure(granted, student, NAME, Set.of(DataCategory.CONSENT));
        } catch (StoreUnavailableException e) {
            return Schemas.UNAVAILABLE;
        }
        ConsentStatus status = ConsentStatus.of(recorded);
        ObjectNode result = Json.object();
        result.put("studentId", student.toString());
        ArrayNode list = result.putArray("consents");
        for (Consent consent : recorded) {
            ObjectNode entry = list.addObject();
            entry.put("consentId", consent.id().toString());
            entry.put("purpose", consent.purpose().column());
            entry.put("givenBy", consent.givenBy().column());
            consent.verification().ifPresent(method -> entry.put("verification", method.column()));
            entry.put("givenAt", consent.givenAt().toString());
            consent.withdrawnAt().ifPresent(at -> entry.put("withdrawnAt", at.toString()));
        }
        ObjectNode processing = result.putObject("processing");
        for (Purpose purpose : Purpose.values()) {
            processing.put(purpose.column(), status.allows(purpose) && held == 0);
        }
        result.put("parentalConsent", status.parentalConsent());
        result.put("held", held);
        return ToolResult.structured(result);
    }
}
