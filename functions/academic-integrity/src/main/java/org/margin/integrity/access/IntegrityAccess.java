package org.margin.integrity.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.margin.access.AccessPolicy;
import org.margin.access.AuditTerms;
import org.margin.access.Basis;
import org.margin.access.Decision;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.log.AuditLog;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * Who may use the integrity tools, and the disclosure records their answers leave behind. The tenant and the acting
 * person come from the authenticated caller only; a decision comes from {@link AccessPolicy}; reads go through a
 * store acting for the caller, so that row-level security narrows them again.
 */
public final class IntegrityAccess {

    private final Store store;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public IntegrityAccess(Store store, AccessPolicy policy, AuditLog audit, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller a tool acts for: who, in which institution, with which store view. */
    public record Acting(Caller caller, TenantId tenant, Actor actor, Store store) {
    }

    /**
     * The caller of this request, when it is a person of an institution (a service, or a token that names no
     * institution or no person, is refused: a disclosure must name who saw the data).
     */
    public Optional<Acting> acting(RequestContext context) {
        Optional<Caller> found = context.caller();
        if (found.isEmpty() || found.get().tenant().isEmpty() || found.get().person().isEmpty()
                || found.get().role() == Role.SERVICE) {
            return Optional.empty();
        }
        Caller caller = found.get();
        return Optional.of(new Acting(caller, new TenantId(caller.tenant().get()),
                Actor.person(AuditTerms.actorRole(caller.role()), caller.person().get()), store.actingFor(AccessPolicy.actor(caller))));
    }

    public Decision course(Acting acting, CourseId course) {
        return policy.course(acting.caller(), acting.tenant(), course);
    }

    public Decision student(Acting acting, PersonId student) {
        return policy.student(acting.caller(), acting.tenant(), student);
    }

    /** The submission as the caller's store view sees it: empty when unknown or hidden from the caller. */
    public Optional<Submission> submission(Acting acting, SubmissionId submission) {
        return acting.store().submissions().find(acting.tenant(), submission, Consistency.READ_YOUR_WRITES);
    }

    /** What one answer discloses about one student, and on what basis. */
    public record Disclosed(PersonId student, Basis basis, Set<DataCategory> categories) {
    }

    /**
     * Records every disclosure of one answer as one group commit, and returns once all are durable. A student named
     * twice is recorded once, with the first entry's basis and the union of the categories.
     *
     * @throws org.margin.store.StoreUnavailableException when the log could not commit them
     */
    public void discloseDurably(Acting acting, String tool, List<Disclosed> disclosed) {
        Map<PersonId, Disclosed> byStudent = new LinkedHashMap<>();
        for (Disclosed one : disclosed) {
            byStudent.merge(one.student(), one, (first, more) -> new Disclosed(first.student(), first.basis(),
                    union(first.categories(), more.categories())));
        }
        List<Disclosure> disclosures = new ArrayList<>(byStudent.size());
        for (Disclosed one : byStudent.values()) {
            disclosures.add(new Disclosure(clock.instant(), acting.actor(), one.student().value(), tool,
                    one.categories(), AuditTerms.legalBasis(one.basis())));
        }
        try {
            audit.recordAllDurably(acting.tenant(), disclosures);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private static Set<DataCategory> union(Set<DataCategory> first, Set<DataCategory> second) {
        EnumSet<DataCategory> all = EnumSet.copyOf(first);
        all.addAll(second);
        return all;
    }
}
