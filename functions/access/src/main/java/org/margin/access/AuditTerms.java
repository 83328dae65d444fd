package org.margin.access;

import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.LegalBasis;
import org.margin.runtime.auth.Role;

/** A decision's terms as the audit log records them: the caller's role and the ground of a disclosure. */
public final class AuditTerms {

    private AuditTerms() {
    }

    public static LegalBasis legalBasis(Basis basis) {
        return switch (basis) {
            case OWN_RECORD -> LegalBasis.OWN_RECORD;
            case LEGITIMATE_EDUCATIONAL_INTEREST -> LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST;
            case INSTITUTION_ADMINISTRATOR -> LegalBasis.INSTITUTION_ADMINISTRATOR;
        };
    }

    public static ActorRole actorRole(Role role) {
        return switch (role) {
            case STUDENT -> ActorRole.STUDENT;
            case EDUCATOR -> ActorRole.EDUCATOR;
            case ADMINISTRATOR -> ActorRole.ADMINISTRATOR;
            case SERVICE -> ActorRole.SERVICE;
        };
    }
}
