package org.margin.privacy.pii;

/**
 * The kinds of personal data the detector reports.
 *
 * <p>The declaration order is the tie-break priority of {@link OverlapResolver}: when two overlapping findings
 * have the same score and length, the type declared first wins. Types validated by a checksum or a strict
 * structure come first, types inferred from loose evidence last.
 */
public enum EntityType {
    US_SSN,
    CREDIT_CARD,
    IBAN_CODE,
    EMAIL_ADDRESS,
    IP_ADDRESS,
    URL,
    PHONE_NUMBER,
    INSTITUTION_ID,
    US_DRIVER_LICENSE,
    DOMAIN_NAME,
    DATE_TIME,
    STREET_ADDRESS,
    ZIP_CODE,
    AGE,
    PERSON
}
