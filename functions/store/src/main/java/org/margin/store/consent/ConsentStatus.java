package org.margin.store.consent;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which purposes a student's data may be processed for now. A purpose without any consent record is allowed (the
 * institution's educational basis), unless a parent or guardian has ever consented for the student: then the
 * student is a child whose processing rests on consent, and every purpose needs a current consent. A purpose
 * whose consents were all withdrawn is refused.
 *
 * @param refused         the purposes not to process for
 * @param parentalConsent whether a parent's or guardian's consent is current for at least one purpose
 */
public record ConsentStatus(Set<Purpose> refused, boolean parentalConsent) {

    /** No consent recorded: nothing refused. */
    public static final ConsentStatus NONE_RECORDED = new ConsentStatus(Set.of(), false);

    public ConsentStatus {
        refused = refused.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(refused));
    }

    public boolean allows(Purpose purpose) {
        return !refused.contains(purpose);
    }

    /** The status of a student with these consents. */
    public static ConsentStatus of(List<Consent> consents) {
        boolean child = consents.stream().anyMatch(consent -> consent.givenBy() == GivenBy.PARENT_OR_GUARDIAN);
        Set<Purpose> refused = EnumSet.noneOf(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            boolean recorded = consents.stream().anyMatch(consent -> consent.purpose() == purpose);
            boolean current = consents.stream().anyMatch(consent -> consent.purpose() == purpose && consent.current());
            if (!current && (recorded || child)) {
                refused.add(purpose);
            }
        }
        boolean parental = consents.stream()
                .anyMatch(consent -> consent.givenBy() == GivenBy.PARENT_OR_GUARDIAN && consent.current());
        return new ConsentStatus(refused, parental);
    }
}
