package org.margin.alerts.tool;

import org.margin.access.Basis;
import org.margin.audit.entry.LegalBasis;

/** The access policy's ground for a disclosure, as the audit log names it. */
final class LegalBases {

    private LegalBases() {
    }

    static LegalBasis of(Basis basis) {
        return switch (basis) {
            case OWN_RECORD -> LegalBasis.OWN_RECORD;
            case LEGITIMATE_EDUCATIONAL_INTEREST -> LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST;
            case INSTITUTION_ADMINISTRATOR -> LegalBasis.INSTITUTION_ADMINISTRATOR;
        };
    }
}
