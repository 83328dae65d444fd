package org.margin.platform.consent;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import org.margin.platform.people.Pseudonyms;
import org.margin.store.Consistency;
import org.margin.store.consent.Consents;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * COPPA: a student under 13 today may be processed only once a parent or guardian has given a verified consent.
 * The age comes from the roster's date of birth, decrypted here for the comparison and nowhere kept in the clear:
 * deriving a stored "consent needed until" date would be a second copy of the birth date to keep encrypted and in
 * step with roster corrections, while one identity read and one decryption per submission cost little beside the
 * intake's writes.
 */
public final class ParentalConsent {

    /** COPPA's age: under this many years, a parent consents. */
    public static final int AGE_OF_CONSENT = 13;

    private final Pseudonyms pseudonyms;
    private final Consents consents;
    private final UnknownAge unknownAge;

    public ParentalConsent(Pseudonyms pseudonyms, Consents consents, UnknownAge unknownAge) {
        this.pseudonyms = pseudonyms;
        this.consents = consents;
        this.unknownAge = unknownAge;
    }

    /** True when the student's events must be held: a child (or of unknown age, if so set) without it. */
    public boolean required(TenantId tenant, PersonId student, LocalDate today) {
        return required(tenant, student, pseudonyms.dateOfBirth(tenant, student), today);
    }

    /** As {@link #required(TenantId, PersonId, LocalDate)}, for a caller that read the date of birth already. */
    public boolean required(TenantId tenant, PersonId student, Optional<LocalDate> born, LocalDate today) {
        if (!child(born, today)) {
            return false;
        }
        return !consents.status(tenant, student, Consistency.READ_YOUR_WRITES).parentalConsent();
    }

    private boolean child(Optional<LocalDate> born, LocalDate today) {
        if (born.isEmpty()) {
            return unknownAge == UnknownAge.HOLD;
        }
        return Period.between(born.get(), today).getYears() < AGE_OF_CONSENT;
    }
}
