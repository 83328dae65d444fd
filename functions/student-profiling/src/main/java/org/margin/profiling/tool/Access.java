package org.margin.profiling.tool;

import java.time.Clock;
import java.time.LocalDate;

import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.course.Enrollments;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Whether an educator may see what a tool would show, today. Checked on the primary: an enrolment that ended
 * must stop access at once, not once a replica has caught up.
 */
final class Access {

    /** The same words whether the student exists, has work, or is simply not this educator's. */
    static final String STUDENT_REFUSED = "No profile of that student is available to this educator.";
    static final String COURSE_REFUSED = "This educator does not currently teach that course.";

    private final Enrollments enrollments;
    private final Clock clock;

    Access(Enrollments enrollments, Clock clock) {
        this.enrollments = enrollments;
        this.clock = clock;
    }

    boolean mayViewStudent(TenantId tenant, PersonId educator, PersonId student) {
        return enrollments.mayView(tenant, educator, student, today(), Consistency.READ_YOUR_WRITES);
    }

    boolean teaches(TenantId tenant, PersonId educator, CourseId course) {
        return enrollments.teaches(tenant, educator, course, today(), Consistency.READ_YOUR_WRITES);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
