package org.margin.access;

/** Why a view was refused. A closed set, so it can label metrics and audit records without naming anyone. */
public enum DenialReason {
    /** The caller acts for another institution (or for none). */
    OTHER_TENANT,
    /** A student asked for another student's records, or for a course's aggregates. */
    NOT_OWN_RECORD,
    /** No enrolment today links this educator to this student: another course, ended, or not yet begun. */
    NO_CURRENT_RELATIONSHIP,
    /** The educator does not teach this course today. */
    NOT_TEACHING_COURSE,
    /** The student or course asked for is not one of the caller's institution. */
    NOT_OF_INSTITUTION,
    /** A student or educator token that names no person in Margin. */
    NO_PERSON,
    /** Services process events; through a tool they disclose nothing about a student or a course. */
    SERVICE_DISCLOSES_NOTHING
}
