package org.margin.alerts.tool;

import java.util.Optional;
import java.util.Set;

import org.margin.access.AccessPolicy;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Whom an alert tool acts for: the request's authenticated caller, never an argument. The caller must be a person
 * of an institution in one of the tool's roles; the store it gets acts for them, so row-level security narrows
 * every read and write again (an educator sees alerts only about students they may see today).
 */
record ActingCaller(Caller caller, TenantId tenant, PersonId person, Store store) {

    /** Fixed words for a caller in no role the tool serves (a student, a service, no caller at all). */
    static final String EDUCATORS_ONLY = "Alerts are for the educators who teach: call with an educator's access "
            + "token.";

    static Optional<ActingCaller> of(RequestContext context, Store store, Set<Role> roles) {
        return context.caller()
                .filter(caller -> roles.contains(caller.role()))
                .filter(caller -> caller.tenant().isPresent() && caller.person().isPresent())
                .map(caller -> new ActingCaller(caller, new TenantId(caller.tenant().get()),
                        new PersonId(caller.person().get()), store.actingFor(AccessPolicy.actor(caller))));
    }
}
