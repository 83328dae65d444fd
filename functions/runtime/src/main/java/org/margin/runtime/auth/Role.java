package org.margin.runtime.auth;

/** What a caller is to Margin, from the {@code margin_role} claim of its access token. */
public enum Role {
    /** Sees only their own records. */
    STUDENT,
    /** Sees the students of courses they currently teach. */
    EDUCATOR,
    /** Administers their own institution: roster, consent, data-subject requests, audit. */
    ADMINISTRATOR,
    /** Another Margin component acting on events, never on an end user's behalf. */
    SERVICE
}
