package org.margin.deadletters.tools;

import java.util.Optional;
import java.util.regex.Pattern;

import org.margin.audit.entry.Actor;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;

/**
 * Who may use the dead-letter tools: the platform's operators, that is a service token with the scope
 * {@code deadletters:admin} (the engine checks the scope). Dead letters belong to no single institution, so an
 * institution's administrator, whose authority ends at the institution, may not see them; a replay is recorded in the
 * installation's audit chain, naming the operator's service.
 */
final class Operators {

    static final String SCOPE = "deadletters:admin";

    /** Fixed words for every caller that is not an operator. */
    static final ToolError REFUSED = new ToolError("Dead letters are for the platform's operators: they cross "
            + "institutions, so call with a service access token that carries the scope " + SCOPE + ".");

    /** Fixed words for an operator the audit log could not name. */
    static final ToolError UNNAMED = new ToolError("A replay is recorded in the audit log under the operator's "
            + "name: call with a service token whose subject is a service name (lower case letters, digits and '-').");

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private Operators() {
    }

    /** The calling operator; empty when there is no caller or it is not a service. */
    static Optional<Caller> operator(RequestContext context) {
        return context.caller().filter(caller -> caller.role() == Role.SERVICE);
    }

    /** The operator as the audit log names it: the service's name. */
    static Optional<Actor> actor(Caller operator) {
        return SERVICE_NAME.matcher(operator.subject()).matches()
                ? Optional.of(Actor.service(operator.subject())) : Optional.empty();
    }
}
