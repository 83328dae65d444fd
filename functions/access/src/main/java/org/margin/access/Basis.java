package org.margin.access;

/** The ground on which a disclosure of a student's records is allowed. */
public enum Basis {
    /** The student's own records (FERPA §99.10, GDPR Art. 15). */
    OWN_RECORD,
    /** An educator who teaches, today, a course the student takes today (FERPA §99.31(a)(1)). */
    LEGITIMATE_EDUCATIONAL_INTEREST,
    /** An administrator of the student's own institution. */
    INSTITUTION_ADMINISTRATOR
}
