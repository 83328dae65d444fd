package org.margin.deadletters.tools;

import java.util.Optional;
import java.util.regex.Pattern;

import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;

/**
 * Who may use the dead-letter tools: the platform's operators, that is a service or an administrator token with the
 * scope {@code deadletters:admin} (the engine checks the scope). Dead letters belong to no single institution, so a
 * replay is recorded in the installation's audit chain, naming the operator.
 */
final class Operators {

    static final String SCOPE = "deadletters:admin";

    /** Fixed words for every caller that is not an operator. */
    static final ToolError REFUSED = new ToolError("Dead letters are for the platform's operators: call with a "
            + "service or administrator access token that carries the scope " + SCOPE + ".");

    /** Fixed words for an operator the audit log could not name. */
    static final ToolError UNNAMED = new ToolError("A replay is recorded in the audit log under the operator's "
            + "name: call with an administrator token that names the person, or a service token whose subject is "
            + "a service name (lower case letters, digits and '-').");

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private Operators() {
    }

    /** The calling operator; empty when there is no caller or it is a student or an educator. */
    static Optional<Caller> operator(RequestContext context) {
        return context.caller().filter(caller -> caller.role() == Role.SERVICE || caller.role() == Role.ADMINISTRATOR);
    }

    /** The operator as the audit log names it: the administrator's person id, or the service's name. */
    static Optional<Actor> actor(Caller operator) {
        if (operator.role() == Role.ADMINISTRATOR) {
            return operator.person().map(person -> Actor.person(ActorRole.ADMINISTRATOR, person));
        }
        return SERVICE_NAME.matcher(operator.subject()).matches()
                ? Optional.of(Actor.service(operator.subject())) : Optional.empty();
    }
}
