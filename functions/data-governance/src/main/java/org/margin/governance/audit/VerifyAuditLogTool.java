package org.margin.governance.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.audit.log.AuditLog;
import org.margin.audit.verify.AuditVerifier;
import org.margin.audit.verify.Verification;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.StoreUnavailableException;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code verify_audit_log} (scope {@value #SCOPE}): verifies the caller's institution's audit chain, for an
 * administrator of that institution only, and records that it did so in the same chain before answering.
 */
public final class VerifyAuditLogTool {

    public static final String NAME = "verify_audit_log";
    public static final String SCOPE = "audit:read";

    static final String UNAUTHENTICATED = "verify_audit_log needs an authenticated caller.";
    static final String MISSING_SCOPE = "verify_audit_log needs the scope " + SCOPE + ".";
    static final String NOT_ADMINISTRATOR = "Only an administrator of the institution may verify its audit log.";
    static final String NO_PERSON = "The access token names no person for the administrator; the verification "
            + "could not be recorded.";
    static final String UNAVAILABLE = "The audit log is temporarily unavailable. Please retry in a moment.";

    private final AuditVerifier verifier;
    private final AuditLog log;
    private final Clock clock;

    public VerifyAuditLogTool(AuditVerifier verifier, AuditLog log, Clock clock) {
        this.verifier = verifier;
        this.log = log;
        this.clock = clock;
    }

    public Tool tool() {
        return Tool.builder(NAME)
                .requiredScopes(SCOPE)
                .title("Verify the audit log")
                .description("Checks your institution's tamper-evident audit log: every entry's place and hash "
                        + "chain, every signed checkpoint and the consistency between checkpoints. Answers verified "
                        + "with the counts, or the first bad entry and what is wrong with it (altered, removed, "
                        + "reordered, bad_checkpoint). For institution administrators.")
                .inputSchema(Tool.noArguments())
                .outputSchema(outputSchema())
                .annotations(ToolAnnotations.readOnly())
                .handler(this::call)
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Optional<Caller> found = context.caller();
        if (found.isEmpty()) {
            return new ToolError(UNAUTHENTICATED);
        }
        Caller caller = found.get();
        if (!caller.hasScope(SCOPE)) {
            return new ToolError(MISSING_SCOPE);
        }
        if (caller.role() != Role.ADMINISTRATOR || caller.tenant().isEmpty()) {
            return new ToolError(NOT_ADMINISTRATOR);
        }
        if (caller.person().isEmpty()) {
            return new ToolError(NO_PERSON);
        }
        TenantId tenant = new TenantId(caller.tenant().get());
        UUID administrator = caller.person().get();
        try {
            Verification outcome = verifier.verify(tenant);
            ObjectNode result = Json.object();
            switch (outcome) {
                case Verification.Verified ok -> result.put("verified", true)
                        .put("entries", ok.entries())
                        .put("checkpoints", ok.checkpoints());
                case Verification.Failed bad -> result.put("verified", false)
                        .put("firstBadEntry", bad.seq())
                        .put("problem", bad.tampering().name().toLowerCase(Locale.ROOT))
                        .put("detail", bad.detail());
            }
            log.recordDurably(tenant, new AdministrativeAction(clock.instant(),
                    Actor.person(ActorRole.ADMINISTRATOR, administrator), "audit.verified", tenant.toString()));
            return ToolResult.structured(result);
        } catch (StoreUnavailableException unavailable) {
            return new ToolError(UNAVAILABLE);
        }
    }

    private static ObjectNode outputSchema() {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("verified").put("type", "boolean");
        properties.putObject("entries").put("type", "integer").put("minimum", 0);
        properties.putObject("checkpoints").put("type", "integer").put("minimum", 0);
        properties.putObject("firstBadEntry").put("type", "integer").put("minimum", 1);
        properties.putObject("problem").put("type", "string").putArray("enum")
                .add("altered").add("removed").add("reordered").add("bad_checkpoint");
        properties.putObject("detail").put("type", "string");
        schema.putArray("required").add("verified");
        return schema;
    }
}
