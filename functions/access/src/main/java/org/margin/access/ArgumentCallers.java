package org.margin.access;

import java.util.Optional;
import java.util.Set;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * The caller that today's tools name in their arguments ({@code institutionId}, {@code educatorId}), until the
 * request's authenticated {@code RequestContext.caller()} takes their place. The subject is a fixed word: these
 * callers come from no token.
 */
public final class ArgumentCallers {

    private static final String SUBJECT = "tool-arguments";

    private ArgumentCallers() {
    }

    public static Caller educator(TenantId tenant, PersonId educator) {
        return new Caller(SUBJECT, Optional.of(tenant.value()), Role.EDUCATOR, Optional.of(educator.value()),
                Set.of());
    }
}
