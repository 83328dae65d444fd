package org.margin.profiling.tool;

/** What a refused caller is told: the same words whatever the access policy's reason, so nothing is revealed. */
final class Refusals {

    /** The same words whether the student exists, has work, or is simply not this educator's. */
    static final String STUDENT_REFUSED = "No profile of that student is available to this educator.";
    static final String COURSE_REFUSED = "This educator does not currently teach that course.";

    private Refusals() {
    }
}
