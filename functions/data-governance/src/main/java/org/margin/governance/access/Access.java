package org.margin.governance.access;

import java.util.Optional;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Who may call a governance tool: an institution's administrator with the tool's scope, always on their own
 * institution (the tenant comes from the caller, never from the arguments), and for some tools a student on their
 * own record. No caller (an endpoint that authenticates no one) is refused.
 */
public final class Access {

    private Access() {
    }

    /** What the caller may act on, or why not. */
    public sealed interface Decision {
    }

    /** Allowed, in this institution. */
    public record Granted(TenantId tenant, Caller caller) implements Decision {
    }

    /** Refused, with fixed words for the caller. */
    public record Refused(ToolError error) implements Decision {
    }

    /** An administrator of an institution, with {@code scope}. */
    public static Decision administrator(RequestContext context, String scope) {
        return decide(context, scope, Optional.empty());
    }

    /** An administrator, or the student {@code student} themself, with {@code scope}. */
    public static Decision administratorOrSelf(RequestContext context, String scope, PersonId student) {
        return decide(context, scope, Optional.of(student));
    }

    private static Decision decide(RequestContext context, String scope, Optional<PersonId> self) {
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
        TenantId tenant = new TenantId(caller.tenant().get());
        if (caller.role() == Role.ADMINISTRATOR) {
            return new Granted(tenant, caller);
        }
        if (caller.role() == Role.STUDENT && self.isPresent()
                && caller.person().map(person -> person.equals(self.get().value())).orElse(false)) {
            return new Granted(tenant, caller);
        }
        return refused(self.isPresent()
                ? "Only an administrator of the institution, or the student themself, may do this."
                : "Only an administrator of the institution may do this.");
    }

    private static Refused refused(String message) {
        return new Refused(new ToolError(message));
    }
}
