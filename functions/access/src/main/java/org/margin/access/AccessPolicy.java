package org.margin.access;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.margin.access.relationship.GridEpochs;
import org.margin.access.relationship.LocalEpochs;
import org.margin.access.relationship.Membership;
import org.margin.access.relationship.RelationshipCache;
import org.margin.access.relationship.RelationshipEpochs;
import org.margin.grid.Grid;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.TenantId;

/**
 * Whether a caller may see a student's records, or a course's aggregates, today:
 *
 * <ul>
 *   <li>student: their own records only, no course view;</li>
 *   <li>educator: students enrolled today in a course the educator teaches today (teacher or teaching assistant);
 *       course views of the courses they teach today;</li>
 *   <li>administrator: anything of their own institution;</li>
 *   <li>service: nothing through a tool; services process events, they do not disclose.</li>
 * </ul>
 *
 * Any other institution is denied first. PostgreSQL enforces the same rules again for a store made by
 * {@code store.actingFor(AccessPolicy.actor(caller))}.
 */
public final class AccessPolicy {

    private static final Decision OTHER_TENANT = new Decision.Denied(DenialReason.OTHER_TENANT);
    private static final Decision NO_PERSON = new Decision.Denied(DenialReason.NO_PERSON);
    private static final Decision NOT_OWN_RECORD = new Decision.Denied(DenialReason.NOT_OWN_RECORD);
    private static final Decision NO_RELATIONSHIP = new Decision.Denied(DenialReason.NO_CURRENT_RELATIONSHIP);
    private static final Decision NOT_TEACHING = new Decision.Denied(DenialReason.NOT_TEACHING_COURSE);
    private static final Decision SERVICE = new Decision.Denied(DenialReason.SERVICE_DISCLOSES_NOTHING);
    private static final Decision NOT_OF_INSTITUTION = new Decision.Denied(DenialReason.NOT_OF_INSTITUTION);
    private static final Decision OWN_RECORD = new Decision.Permitted(Basis.OWN_RECORD);
    private static final Decision INTEREST = new Decision.Permitted(Basis.LEGITIMATE_EDUCATIONAL_INTEREST);
    private static final Decision ADMINISTRATOR = new Decision.Permitted(Basis.INSTITUTION_ADMINISTRATOR);

    /** How long an enrolment fact is trusted when no change reaches this instance (the grid away, say). */
    public static final Duration FACT_LIFETIME = Duration.ofSeconds(60);
    /** Facts one instance keeps: about 100 bytes each. */
    public static final int MAX_FACTS = 100_000;

    private final RelationshipCache relationships;
    private final Membership membership;
    private final Clock clock;

    /** @param clock whose date is "today" for enrolment periods */
    public AccessPolicy(RelationshipCache relationships, Membership membership, Clock clock) {
        this.relationships = Objects.requireNonNull(relationships, "relationships");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A function's policy: enrolment facts cached for {@link #FACT_LIFETIME}, retired across instances through the
     * grid's epochs when there is a grid, else on this instance only.
     */
    public static AccessPolicy create(Store store, Optional<Grid> grid, Clock clock) {
        RelationshipEpochs epochs = grid.<RelationshipEpochs>map(GridEpochs::new).orElseGet(LocalEpochs::new);
        return new AccessPolicy(new RelationshipCache(store.enrollments(), epochs, FACT_LIFETIME, MAX_FACTS),
                new Membership(store.people(), store.courses(), FACT_LIFETIME, MAX_FACTS), clock);
    }

    /** May the caller see this student's records of this institution today? */
    public Decision student(Caller caller, TenantId tenant, PersonId student) {
        if (!sameTenant(caller, tenant)) {
            return OTHER_TENANT;
        }
        return switch (caller.role()) {
            case SERVICE -> SERVICE;
            case ADMINISTRATOR -> membership.personOf(tenant, student) ? ADMINISTRATOR : NOT_OF_INSTITUTION;
            case STUDENT -> caller.person().isEmpty() ? NO_PERSON
                    : caller.person().get().equals(student.value()) ? OWN_RECORD : NOT_OWN_RECORD;
            case EDUCATOR -> caller.person().isEmpty() ? NO_PERSON
                    : relationships.educatorSeesStudent(tenant, new PersonId(caller.person().get()), student, today())
                    ? INTEREST : NO_RELATIONSHIP;
        };
    }

    /**
     * {@link #student} for each of {@code students}, in their order, each once. For an educator, the students this
     * instance has no fact about are read from the store in one statement. For anyone else two or more are decided
     * at once, each on its own virtual thread: an administrator's student this instance has not seen costs a read
     * of the store, and a page naming twenty such students would otherwise wait for twenty reads in turn.
     *
     * @throws RuntimeException what deciding one of them threw (the store unavailable, say)
     */
    public Map<PersonId, Decision> students(Caller caller, TenantId tenant, Collection<PersonId> students) {
        List<PersonId> distinct = List.copyOf(new LinkedHashSet<>(students));
        Map<PersonId, Decision> decisions = new LinkedHashMap<>();
        if (caller.role() == Role.EDUCATOR && caller.person().isPresent() && sameTenant(caller, tenant)) {
            Set<PersonId> seen = relationships.studentsEducatorSees(tenant, new PersonId(caller.person().get()),
                    distinct, today());
            distinct.forEach(student -> decisions.put(student, seen.contains(student) ? INTEREST : NO_RELATIONSHIP));
            return decisions;
        }
        if (distinct.size() < 2) {
            distinct.forEach(student -> decisions.put(student, student(caller, tenant, student)));
            return decisions;
        }
        try (ExecutorService deciding = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Decision>> pending = distinct.stream()
                    .map(student -> deciding.submit(() -> student(caller, tenant, student)))
                    .toList();
            for (int i = 0; i < distinct.size(); i++) {
                decisions.put(distinct.get(i), pending.get(i).get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding access", e);
        }
        return decisions;
    }

    /** May the caller see this course's aggregates today? */
    public Decision course(Caller caller, TenantId tenant, CourseId course) {
        if (!sameTenant(caller, tenant)) {
            return OTHER_TENANT;
        }
        return switch (caller.role()) {
            case SERVICE -> SERVICE;
            case ADMINISTRATOR -> membership.courseOf(tenant, course) ? ADMINISTRATOR : NOT_OF_INSTITUTION;
            case STUDENT -> NOT_OWN_RECORD;
            case EDUCATOR -> caller.person().isEmpty() ? NO_PERSON
                    : relationships.educatorTeaches(tenant, new PersonId(caller.person().get()), course, today())
                    ? INTEREST : NOT_TEACHING;
        };
    }

    /** To be called after an enrolment of the person ended or was removed: see {@link RelationshipCache}. */
    public void enrolmentChanged(TenantId tenant, PersonId person) {
        relationships.enrolmentChanged(tenant, person);
    }

    /**
     * Whom a store view acts for on the caller's behalf ({@code store.actingFor(actor(caller))}), so that
     * PostgreSQL's row-level security applies the same rules. A student or educator caller must name a person.
     */
    public static Actor actor(Caller caller) {
        Optional<PersonId> person = caller.person().map(PersonId::new);
        return switch (caller.role()) {
            case STUDENT -> Actor.student(person.orElseThrow(() -> noPerson(caller)));
            case EDUCATOR -> Actor.educator(person.orElseThrow(() -> noPerson(caller)));
            case ADMINISTRATOR -> Actor.administrator(person);
            case SERVICE -> Actor.SERVICE;
        };
    }

    private static IllegalArgumentException noPerson(Caller caller) {
        return new IllegalArgumentException("a " + caller.role() + " caller names no person");
    }

    private static boolean sameTenant(Caller caller, TenantId tenant) {
        Optional<UUID> callerTenant = caller.tenant();
        return callerTenant.isPresent() && callerTenant.get().equals(tenant.value());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
