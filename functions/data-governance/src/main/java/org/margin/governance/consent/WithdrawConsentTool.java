package org.margin.governance.consent;

import java.time.Instant;
import java.util.Optional;

import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.mcp.Schemas;
import org.margin.grid.tier.WriteOutcome;
import org.margin.platform.consent.ConsentGate;
import org.margin.runtime.auth.Role;
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
import org.margin.store.consent.Purpose;
import org.margin.store.consent.Withdrawal;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code withdraw_consent} tool: from now on the student's events are not processed for the purposes named
 * (every function's consent gate drops them from this answer on, which {@code inForceEverywhere} confirms), and
 * class aggregates leave the student out when analytics is withdrawn. The withdrawal is kept with its time; retention
 * expires the data processed under the consent from it ({@link Consents#withdrawnSince}). With no consent to
 * withdraw, the objection is recorded all the same (as the student's, or the institution's when an administrator
 * records it), so the purpose is refused from then on.
 */
public final class WithdrawConsentTool {

    public static final String NAME = "withdraw_consent";
    public static final String SCOPE = "consent:write";

    private final Consents consents;
    private final ConsentGate gate;
    private final Access access;
    private final AuditRecords audit;

    private WithdrawConsentTool(Consents consents, ConsentGate gate, Access access, AuditRecords audit) {
        this.consents = consents;
        this.gate = gate;
        this.access = access;
        this.audit = audit;
    }

    public static Tool tool(Consents consents, ConsentGate gate, Access access, AuditRecords audit) {
        return Tool.builder(NAME)
                .requiredScopes(SCOPE)
                .title("Withdraw consent")
                .description("Withdraws a student's consent for one or more purposes (analysis, profiling, "
                        + "integrity, analytics): from now on their submissions are not processed for them, and "
                        + "analytics leaves them out of class figures. An administrator, or the student for "
                        + "themself, may do it. Needs scope " + SCOPE + ".")
                .inputSchema(Schemas.schema(WithdrawConsentTool.class, "withdraw_consent.input.json"))
                .outputSchema(Schemas.schema(WithdrawConsentTool.class, "withdraw_consent.output.json"))
                .annotations(new ToolAnnotations(null, false, false, true, false))
                .handler(new WithdrawConsentTool(consents, gate, access, audit)::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<PersonId> student = Arguments.student(context.arguments());
        if (student.isEmpty()) {
            return new ToolError("studentId is not a person id; use the personId import_roster gives.");
        }
        return switch (access.administratorOrSelf(context, SCOPE, student.get())) {
            case Access.Refused refused -> refused.error();
            case Access.Granted granted -> run(granted, student.get(), context.arguments(),
                    granted.caller().role() == Role.STUDENT ? GivenBy.STUDENT : GivenBy.INSTITUTION);
        };
    }

    private ToolOutcome run(Access.Granted granted, PersonId student, ObjectNode arguments, GivenBy basis) {
        TenantId tenant = granted.tenant();
        Instant now = Instant.now();
        ObjectNode result = Json.object();
        result.put("studentId", student.toString());
        ArrayNode withdrawn = result.putArray("withdrawn");
        try {
            for (Purpose purpose : Arguments.purposes(arguments)) {
                Withdrawal withdrawal = consents.withdraw(tenant, student, purpose, now, basis);
                ObjectNode entry = withdrawn.addObject();
                entry.put("purpose", purpose.column());
                entry.put("consentId", withdrawal.id().toString());
                entry.put("hadConsent", withdrawal instanceof Withdrawal.Withdrawn);
                entry.put("withdrawnAt", now.toString());
            }
        } catch (StoreUnavailableException e) {
            return Schemas.UNAVAILABLE;
        } catch (StoreRejectedException e) {
            return e.reason() == StoreRejectedException.Reason.MISSING_REFERENCE
                    ? new ToolError("No student with this id in your institution.")
                    : new ToolError("The withdrawal could not be recorded (" + e.reason() + ").");
        }
        result.put("inForceEverywhere", gate.invalidate(tenant, student) instanceof WriteOutcome.Confirmed);
        audit.action(granted, "consent.withdrawn", student.toString());
        return ToolResult.structured(result);
    }
}
