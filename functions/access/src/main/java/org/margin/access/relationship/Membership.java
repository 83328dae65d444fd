package org.margin.access.relationship;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.course.Courses;
import org.margin.store.people.People;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Whether a student or course id is one of an institution's, so that an administrator's view of "anything in the
 * tenant" cannot be pointed at another institution's pseudonym (and write a disclosure naming it). A pseudonym never
 * moves between institutions, so only "yes" is cached, for {@code timeToLive}; "no" asks the store each time.
 */
public final class Membership {

    private final People people;
    private final Courses courses;
    private final long timeToLiveNanos;
    private final int maxEntries;
    private final ConcurrentMap<Object, Long> known = new ConcurrentHashMap<>();

    public Membership(People people, Courses courses, Duration timeToLive, int maxEntries) {
        this.people = Objects.requireNonNull(people, "people");
        this.courses = Objects.requireNonNull(courses, "courses");
        this.timeToLiveNanos = timeToLive.toNanos();
        this.maxEntries = maxEntries;
    }

    public boolean personOf(TenantId tenant, PersonId person) {
        return known(new PersonOf(tenant, person),
                () -> people.exists(tenant, person, Consistency.READ_YOUR_WRITES));
    }

    public boolean courseOf(TenantId tenant, CourseId course) {
        return known(new CourseOf(tenant, course),
                () -> courses.find(tenant, course, Consistency.READ_YOUR_WRITES).isPresent());
    }

    private boolean known(Object key, Lookup lookup) {
        long now = System.nanoTime();
        Long expiresAt = known.get(key);
        if (expiresAt != null && now - expiresAt < 0) {
            return true;
        }
        if (!lookup.holds()) {
            return false;
        }
        if (known.size() >= maxEntries) {
            known.clear();
        }
        known.put(key, now + timeToLiveNanos);
        return true;
    }

    @FunctionalInterface
    private interface Lookup {
        boolean holds();
    }

    private record PersonOf(TenantId tenant, PersonId person) {
    }

    private record CourseOf(TenantId tenant, CourseId course) {
    }
}
