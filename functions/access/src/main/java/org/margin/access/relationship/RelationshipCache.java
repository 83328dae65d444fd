package org.margin.access.relationship;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.course.Enrollments;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * The enrolment facts behind an educator's legitimate interest, cached in this process: "E teaches, on day D, a
 * course S takes that day" and "E teaches C on day D". A fact is keyed by the day (so it ends with the day) and by
 * the {@link RelationshipEpochs epochs} of the people it concerns (so an enrolment that ends retires it at once), and
 * lives at most {@code timeToLive} besides. A miss asks the primary, so a change already committed is seen.
 *
 * <p>Only facts that hold are kept. A refusal is the exception (a caller asking about a student they do not teach)
 * and asks the primary each time, so an enrolment just added counts at once without any announcement: a webhook
 * that enrols a student writes nothing to the grid for it.
 *
 * <p>Keys and values stay in this process: ids never leave it through this cache.
 */
public final class RelationshipCache {

    private final Enrollments enrollments;
    private final RelationshipEpochs epochs;
    private final long timeToLiveNanos;
    private final int maxFacts;
    /** Facts that hold, each with when it expires ({@link System#nanoTime}). */
    private final ConcurrentMap<Object, Long> facts = new ConcurrentHashMap<>();

    /**
     * @param timeToLive how long a fact is trusted at most, whatever the epochs say: the bound on staleness when an
     *                   enrolment changes without {@link #enrolmentChanged} reaching this instance
     * @param maxFacts   how many facts this process keeps; beyond it the cache starts afresh
     */
    public RelationshipCache(Enrollments enrollments, RelationshipEpochs epochs, Duration timeToLive, int maxFacts) {
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.epochs = Objects.requireNonNull(epochs, "epochs");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive");
        }
        if (maxFacts < 1) {
            throw new IllegalArgumentException("maxFacts must be at least 1");
        }
        this.timeToLiveNanos = timeToLive.toNanos();
        this.maxFacts = maxFacts;
    }

    /** Whether, on that day, the educator teaches a course that the student takes. */
    public boolean educatorSeesStudent(TenantId tenant, PersonId educator, PersonId student, LocalDate day) {
        StudentFact key = new StudentFact(tenant, educator, epochs.current(tenant, educator), student,
                epochs.current(tenant, student), day);
        return cached(key, () -> enrollments.mayView(tenant, educator, student, day, Consistency.READ_YOUR_WRITES));
    }

    /**
     * Those of the students whom, on that day, the educator teaches in a course they take: {@link
     * #educatorSeesStudent} for each, with the students no fact holds for read from the primary in one statement.
     */
    public Set<PersonId> studentsEducatorSees(TenantId tenant, PersonId educator, Collection<PersonId> students,
                                              LocalDate day) {
        long educatorEpoch = epochs.current(tenant, educator);
        long now = System.nanoTime();
        Set<PersonId> seen = new HashSet<>();
        Map<PersonId, StudentFact> unknown = new HashMap<>();
        for (PersonId student : students) {
            StudentFact key = new StudentFact(tenant, educator, educatorEpoch, student,
                    epochs.current(tenant, student), day);
            if (holds(key, now)) {
                seen.add(student);
            } else {
                unknown.put(student, key);
            }
        }
        if (!unknown.isEmpty()) {
            for (PersonId student : enrollments.viewable(tenant, educator, unknown.keySet(), day,
                    Consistency.READ_YOUR_WRITES)) {
                remember(unknown.get(student), now);
                seen.add(student);
            }
        }
        return seen;
    }

    /** Whether, on that day, the educator teaches the course. */
    public boolean educatorTeaches(TenantId tenant, PersonId educator, CourseId course, LocalDate day) {
        CourseFact key = new CourseFact(tenant, educator, epochs.current(tenant, educator), course, day);
        return cached(key, () -> enrollments.teaches(tenant, educator, course, day, Consistency.READ_YOUR_WRITES));
    }

    /**
     * To be called after an enrolment of the person ended or was removed: every cached fact about them, on every
     * instance sharing the epochs, stops counting before this returns. An enrolment added needs no call: only facts
     * that hold are kept, so nothing cached can refuse what it grants.
     */
    public void enrolmentChanged(TenantId tenant, PersonId person) {
        epochs.advance(tenant, person);
    }

    private boolean cached(Object key, Lookup lookup) {
        long now = System.nanoTime();
        if (holds(key, now)) {
            return true;
        }
        if (!lookup.holds()) {
            return false;
        }
        remember(key, now);
        return true;
    }

    /** Whether the fact is kept and has not expired. */
    private boolean holds(Object fact, long now) {
        Long expiresAt = facts.get(fact);
        return expiresAt != null && now - expiresAt < 0;
    }

    private void remember(Object fact, long now) {
        if (facts.size() >= maxFacts) {
            facts.clear();
        }
        facts.put(fact, now + timeToLiveNanos);
    }

    @FunctionalInterface
    private interface Lookup {
        boolean holds();
    }

    private record StudentFact(TenantId tenant, PersonId educator, long educatorEpoch, PersonId student,
                               long studentEpoch, LocalDate day) {
    }

    private record CourseFact(TenantId tenant, PersonId educator, long educatorEpoch, CourseId course,
                              LocalDate day) {
    }
}
