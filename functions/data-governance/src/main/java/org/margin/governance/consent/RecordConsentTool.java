package org.margin.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.mcp.Schemas;
import org.margin.platform.consent.ConsentGate;
import org.margin.platform.consent.HeldEventRelay;
import org.margin.platform.consent.ParentalConsent;
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
import org.margin.store.consent.Consents;
import org.margin.store.consent.GivenBy;
import org.margin.store.consent.HeldEvents;
import org.margin.store.consent.NewConsent;
import org.margin.store.consent.Purpose;
import org.margin.store.consent.Recording;
import org.margin.store.consent.Verification;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code record_consent} tool: a consent per purpose, from the student, a parent or guardian (with how it was
 * verified, as COPPA requires) or the institution. When it lifts the need for a parent's consent, the events held
 * for the student are sent on in the order they arrived, then forgotten.
 */
public final class RecordConsentTool {

    public static final String NAME = "record_consent";
    public static final String SCOPE = "consent:write";

    private final Consents consents;
    private final HeldEvents heldEvents;
    private final ParentalConsent parentalConsent;
    private final HeldEventRelay relay;
    private final ConsentGate gate;
    private final EventSink sink;
    private final Access access;
    private final AuditRecords audit;

    private RecordConsentTool(Consents consents, HeldEvents heldEvents, ParentalConsent parentalConsent,
                              HeldEventRelay relay, ConsentGate gate, EventSink sink, Access access,
                              AuditRecords audit) {
        this.consents = consents;
        this.heldEvents = heldEvents;
        this.parentalConsent = parentalConsent;
        this.relay = relay;
        this.gate = gate;
        this.sink = sink;
        this.access = access;
        this.audit = audit;
    }

    public static Tool tool(Consents consents, HeldEvents heldEvents, ParentalConsent parentalConsent,
                            HeldEventRelay relay, ConsentGate gate, EventSink sink, Access access,
                            AuditRecords audit) {
        return Tool.builder(NAME)
                .requiredScopes(SCOPE)
                .title("Record consent")
                .description("Records a student's consent to processing for one or more purposes (analysis, "
                        + "profiling, integrity, analytics), given by the student, a parent or guardian, or the "
                        + "institution. A parent's or guardian's consent needs its verification method "
                        + "(signed_form, credit_card_check, video_call, government_id, ...). A student under 13 "
                        + "is processed only after a parent's consent: their held submissions are then released "
                        + "in order. A purpose with a current consent keeps it. Needs scope " + SCOPE + ".")
                .inputSchema(Schemas.schema(RecordConsentTool.class, "record_consent.input.json"))
                .outputSchema(Schemas.schema(RecordConsentTool.class, "record_consent.output.json"))
                .annotations(new ToolAnnotations(null, false, false, true, false))
                .handler(new RecordConsentTool(consents, heldEvents, parentalConsent, relay, gate, sink, access,
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
        Optional<PersonId> found = Arguments.student(arguments);
        if (found.isEmpty()) {
            return new ToolError("studentId is not a person id; use the personId import_roster gives.");
        }
        PersonId student = found.get();
        GivenBy givenBy = GivenBy.of(arguments.get("givenBy").asString());
        Optional<Verification> verification = arguments.hasNonNull("verification")
                ? Optional.of(Verification.of(arguments.get("verification").asString()))
                : Optional.empty();
        if ((givenBy == GivenBy.PARENT_OR_GUARDIAN) != verification.isPresent()) {
            return new ToolError(givenBy == GivenBy.PARENT_OR_GUARDIAN
                    ? "A parent's or guardian's consent needs its verification method (COPPA)."
                    : "Only a parent's or guardian's consent carries a verification method.");
        }
        Instant givenAt;
        try {
            givenAt = arguments.hasNonNull("givenAt") ? Instant.parse(arguments.get("givenAt").asString())
                    : Instant.now();
        } catch (DateTimeParseException e) {
            return new ToolError("givenAt is not an ISO 8601 instant (e.g. 2026-09-01T08:00:00Z).");
        }
        if (givenAt.isAfter(Instant.now().plusSeconds(60))) {
            return new ToolError("givenAt is in the future.");
        }
        try {
            ObjectNode result = Json.object();
            result.put("studentId", student.toString());
            ArrayNode recorded = result.putArray("consents");
            for (Purpose purpose : Arguments.purposes(arguments)) {
                Recording recording = consents.record(tenant,
                        new NewConsent(student, purpose, givenBy, verification, givenAt));
                ObjectNode entry = recorded.addObject();
                entry.put("purpose", purpose.column());
                entry.put("consentId", recording.id().toString());
                entry.put("status", recording instanceof Recording.Recorded ? "recorded" : "already_current");
            }
            gate.invalidate(tenant, student);
            audit.action(granted, "consent.recorded", student.toString());
            int released = 0;
            if (!parentalConsent.required(tenant, student, LocalDate.now(ZoneOffset.UTC))) {
                try {
                    released = relay.release(tenant, student, sink);
                } catch (EventNotDelivered e) {
                    return new ToolError("The consent is recorded, but the broker is unavailable: some held "
                            + "submissions are still held. Record the consent again to release them.");
                }
            }
            result.put("released", released);
            result.put("stillHeld", heldEvents.count(tenant, student));
            return ToolResult.structured(result);
        } catch (StoreUnavailableException | KeysetUnavailableException e) {
            return Schemas.UNAVAILABLE;
        } catch (StoreRejectedException e) {
            return e.reason() == StoreRejectedException.Reason.MISSING_REFERENCE
                    ? new ToolError("No student with this id in your institution.")
                    : new ToolError("The consent could not be recorded as sent (" + e.reason() + ").");
        }
    }
}
