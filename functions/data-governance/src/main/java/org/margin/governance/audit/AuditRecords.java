package org.margin.governance.audit;

import java.time.Clock;
import java.util.Set;

import org.margin.access.AuditTerms;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.log.AuditLog;
import org.margin.governance.access.Access;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * What the governance tools write to the institution's audit log, each entry committed before the tool answers:
 * an {@link AdministrativeAction} for every change (targets are pseudonyms or Margin's own ids) and a
 * {@link Disclosure} for every answer that shows a student's data.
 */
public final class AuditRecords {

    /** The actor of the scheduled retention run. */
    public static final Actor SCHEDULE = Actor.service("data-governance");

    private final AuditLog log;
    private final Clock clock;

    public AuditRecords(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** The granted caller did {@code action} to {@code target}. */
    public void action(Access.Granted by, String action, String target) {
        action(by.tenant(), actor(by), action, target);
    }

    public void action(TenantId tenant, Actor actor, String action, String target) {
        log.recordDurably(tenant, new AdministrativeAction(clock.instant(), actor, action, target));
    }

    /** The granted caller was shown {@code categories} of the student's data by {@code tool}. */
    public void disclosure(Access.Granted to, PersonId student, String tool, Set<DataCategory> categories) {
        log.recordDurably(to.tenant(), new Disclosure(clock.instant(), actor(to), student.value(), tool, categories,
                AuditTerms.legalBasis(to.basis())));
    }

    /** The granted caller as the audit log names them. */
    public static Actor actor(Access.Granted granted) {
        return Actor.person(AuditTerms.actorRole(granted.caller().role()), granted.person().value());
    }
}
