package org.margin.privacy.pii.evaluation;

import java.util.Optional;
import java.util.Set;
import org.margin.privacy.pii.EntityType;

/**
 * How the detector's types meet the reference data's labels. A URL counts as the dataset's DOMAIN_NAME, which
 * labels whole web addresses; INSTITUTION_ID has no counterpart. Labels outside {@link #CLAIMED} (the dataset's
 * ORGANIZATION, GPE, NRP and TITLE) are not detected and stay out of the overall figures.
 */
public final class LabelMapping {

    public static final Set<String> CLAIMED = Set.of(
            "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS",
            "DOMAIN_NAME", "STREET_ADDRESS", "ZIP_CODE", "DATE_TIME", "AGE", "US_DRIVER_LICENSE");

    private LabelMapping() {
    }

    public static Optional<String> labelOf(EntityType type) {
        return switch (type) {
            case URL, DOMAIN_NAME -> Optional.of("DOMAIN_NAME");
            case INSTITUTION_ID -> Optional.empty();
            default -> Optional.of(type.name());
        };
    }
}
