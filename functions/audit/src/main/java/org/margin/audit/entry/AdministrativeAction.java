package org.margin.audit.entry;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrative action: who did what to what, e.g. an administrator recording a consent
 * ({@code consent.recorded}, target the student's pseudonym) or starting an erasure.
 *
 * @param action what was done: lower case, digits, '_' and '.'
 * @param target what it was done to: a pseudonym or an id of Margin's own, never a name or an LMS id
 */
public record AdministrativeAction(Instant at, Actor actor, String action, String target) implements AuditEntry {

    public AdministrativeAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        CanonicalJson.requireCode(action, "action");
        CanonicalJson.requireReference(target, "target");
    }
}
