package org.margin.store.consent;

import java.util.Locale;

/**
 * How a parent's or guardian's consent was verified: the methods COPPA's rule accepts as verifiable
 * (16 CFR 312.5(b)(2)).
 */
public enum Verification {
    SIGNED_FORM,
    CREDIT_CARD_CHECK,
    TOLL_FREE_CALL,
    VIDEO_CALL,
    GOVERNMENT_ID,
    KNOWLEDGE_BASED_QUESTIONS,
    FACIAL_RECOGNITION_MATCH,
    TEXT_PLUS;

    private final String column = name().toLowerCase(Locale.ROOT);

    public String column() {
        return column;
    }

    public static Verification of(String column) {
        for (Verification method : values()) {
            if (method.column.equals(column)) {
                return method;
            }
        }
        throw new IllegalArgumentException("not a verification method: " + column);
    }
}
