package org.margin.audit.entry;

/** On what ground a student's data was disclosed (FERPA 34 CFR 99.31, and the student's own right of access). */
public enum LegalBasis {
    /** An educator who currently teaches a course the student takes. */
    LEGITIMATE_EDUCATIONAL_INTEREST,
    /** The student themselves. */
    OWN_RECORD,
    /** An administrator of the student's institution. */
    INSTITUTION_ADMINISTRATOR,
    /** A Margin component processing the student's events. */
    SERVICE_PROCESSING
}
