package org.margin.governance.access;

import java.util.Optional;

import org.margin.access.AccessPolicy;
import org.margin.access.Basis;
import org.margin.access.Decision;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Who may call a governance tool: an institution's administrator with the tool's scope, always on their own
 * institution (the tenant comes from the caller, never from the arguments), and for some tools a student on their
 * own record. Whether a caller may see a student is {@link AccessPolicy}'s decision, the one every function uses;
 * this class adds only what governance asks beyond it: the scope, and that educators, whom the policy lets see
 * their students, govern nothing. Every caller must name a person, because each action is recorded as theirs in
 * the audit log. No caller (an endpoint that authenticates no one) is refused.
 */
public final class Access {

    private final AccessPolicy policy;

    public Access(AccessPolicy policy) {
        this.policy = policy;
    }

    /** What the caller may act on, or why not. */
    public sealed interface Decided {
    }

    /** Allowed, in this institution, on {@code basis}. */
    public record Granted(TenantId tenant, Caller caller, PersonId person, Basis basis) implements Decided {
    }

    /** Refused, with fixed words for the caller. */
    public record Refused(ToolError error) implements Decided {
    }

    /** The policy, for what changes its facts ({@link AccessPolicy#enrolmentChanged}). */
    public AccessPolicy policy() {
        return policy;
    }

    /** An administrator of an institution, with {@code scope}. */
    public Decided administrator(RequestContext context, String scope) {
        return decide(context, scope, Optional.empty());
    }

    /** An administrator, or the student {@code student} themself, with {@code scope}. */
    public Decided administratorOrSelf(RequestContext context, String scope, PersonId student) {
        return decide(context, scope, Optional.of(student));
    }

    private Decided decide(RequestContext context, String scope, Optional<PersonId> student) {
        Optional<Caller> found = context.caller();
        if (found.isEmpty()) {
            return refused("Authentication is required: call this tool with an access token.");
        }
        Caller caller = found.get();
        if (caller.tenant().isEmpty()) {
            return refused("This tool acts on an institution's data; the token names no institution.");
        }
        if (!caller.hasScope(scope)) {
            return refused("The token lacks the scope " + scope + ".");
        }
        String notAllowed = student.isPresent()
                ? "Only an administrator of the institution, or the student themself, may do this."
                : "Only an administrator of the institution may do this.";
        if (caller.role() != Role.ADMINISTRATOR && (student.isEmpty() || caller.role() != Role.STUDENT)) {
            return refused(notAllowed);
        }
        if (caller.person().isEmpty()) {
            return refused("The access token names no person; what you do here is recorded as yours.");
        }
        TenantId tenant = new TenantId(caller.tenant().get());
        PersonId person = new PersonId(caller.person().get());
        if (student.isEmpty()) {
            return new Granted(tenant, caller, person, Basis.INSTITUTION_ADMINISTRATOR);
        }
        return switch (policy.student(caller, tenant, student.get())) {
            case Decision.Permitted permitted -> new Granted(tenant, caller, person, permitted.basis());
            case Decision.Denied denied -> refused(notAllowed);
        };
    }

    private static Refused refused(String message) {
        return new Refused(new ToolError(message));
    }
}
