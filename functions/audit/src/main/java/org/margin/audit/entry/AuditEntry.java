package org.margin.audit.entry;

import java.time.Instant;

/**
 * One record of the audit log. Every field is a pseudonym, a code from a closed set or a time: an entry never holds
 * a name, an email, a student's text or an LMS id, so the log can be kept, verified and handed to an auditor as it
 * is.
 */
public sealed interface AuditEntry permits Disclosure, AdministrativeAction, KeyManagementAction {

    /** When the recorded access or action happened. */
    Instant at();

    /** The entry's canonical bytes: what is stored and hashed. */
    default byte[] canonicalBytes() {
        return CanonicalJson.encode(this);
    }
}
