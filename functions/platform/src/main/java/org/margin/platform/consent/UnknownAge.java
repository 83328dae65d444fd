package org.margin.platform.consent;

import java.util.Locale;
import java.util.Map;

/**
 * What to do with a student whose date of birth the roster does not give. {@link #HOLD} is the default: not
 * knowing a student's age must not let a child's data be processed without a parent's consent. An institution
 * whose students are all adults, or which has not imported a roster yet, sets
 * {@code MARGIN_COPPA_UNKNOWN_AGE=process}.
 */
public enum UnknownAge {
    /** Held like a child's, until a parent consents or a roster gives a date of birth of 13 years or more. */
    HOLD,
    /** Processed like a teen's or an adult's. */
    PROCESS;

    public static final String VARIABLE = "MARGIN_COPPA_UNKNOWN_AGE";

    /** @throws IllegalArgumentException naming the variable, when its value is neither hold nor process */
    public static UnknownAge fromEnvironment(Map<String, String> environment) {
        String value = environment.getOrDefault(VARIABLE, "hold").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "hold" -> HOLD;
            case "process" -> PROCESS;
            default -> throw new IllegalArgumentException(VARIABLE + " must be hold or process");
        };
    }
}
