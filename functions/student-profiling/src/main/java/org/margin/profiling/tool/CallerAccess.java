package org.margin.profiling.tool;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.margin.access.AccessPolicy;
import org.margin.access.AuditTerms;
import org.margin.access.Basis;
import org.margin.access.Decision;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.log.AuditLog;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.store.Store;
import org.margin.store.StoreUnavailableException;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Who a tool call acts for and what it may see: the tenant and the person come from the request's authenticated
 * caller only, the access policy decides, reads go through a store acting for the caller (so row-level security
 * narrows them again), and a student's records leave only after a durable FERPA disclosure record.
 */
public final class CallerAccess {

    private final AccessPolicy policy;
    private final Store store;
    private final AuditLog audit;
    private final Clock clock;

    public CallerAccess(AccessPolicy policy, Store store, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Allowed to see a person's records or a course's aggregates: the caller (who names a person, so that the log
     * can name them), their institution, the basis and a store acting for them.
     */
    record Permit(Caller caller, UUID person, TenantId tenant, Basis basis, Store asCaller) {
    }

    /** Permitted to see this student's records of the caller's institution today; empty when refused. */
    Optional<Permit> student(RequestContext context, PersonId student) {
        return context.caller().flatMap(caller -> permit(caller,
                tenant -> policy.student(caller, tenant, student)));
    }

    /** Permitted to see this course's aggregates today; empty when refused. */
    Optional<Permit> course(RequestContext context, CourseId course) {
        return context.caller().flatMap(caller -> permit(caller,
                tenant -> policy.course(caller, tenant, course)));
    }

    /**
     * Records durably that the permitted caller was shown the student's data of these categories by {@code tool};
     * returns once committed.
     *
     * @throws StoreUnavailableException when the record could not be committed: the result must not leave then
     */
    void disclose(Permit permit, PersonId student, String tool, Set<DataCategory> shown) {
        Disclosure disclosure = new Disclosure(clock.instant(), Actor.person(AuditTerms.actorRole(permit.caller().role()), permit.person()),
                student.value(), tool, shown, AuditTerms.legalBasis(permit.basis()));
        try {
            audit.recordDurably(permit.tenant(), disclosure);
        } catch (CompletionException failed) {
            throw new StoreUnavailableException("the disclosure record was not committed", null);
        }
    }

    /**
     * Records durably that the permitted caller was shown a course's aggregates: an administrative entry naming the
     * course, since aggregates over a group large enough not to single anyone out disclose no student.
     */
    void courseAggregatesShown(Permit permit, CourseId course, String action) {
        AdministrativeAction viewed = new AdministrativeAction(clock.instant(),
                Actor.person(AuditTerms.actorRole(permit.caller().role()), permit.person()), action, "course:" + course);
        try {
            audit.recordDurably(permit.tenant(), viewed);
        } catch (CompletionException failed) {
            throw new StoreUnavailableException("the audit record was not committed", null);
        }
    }

    private interface Deciding {
        Decision decide(TenantId tenant);
    }

    private Optional<Permit> permit(Caller caller, Deciding deciding) {
        // A caller with no institution or no person has nothing to see here, and could not be named in the log.
        if (caller.tenant().isEmpty() || caller.person().isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = new TenantId(caller.tenant().get());
        return switch (deciding.decide(tenant)) {
            case Decision.Permitted permitted -> Optional.of(new Permit(caller, caller.person().get(), tenant,
                    permitted.basis(), store.actingFor(AccessPolicy.actor(caller))));
            case Decision.Denied denied -> Optional.empty();
        };
    }

}
