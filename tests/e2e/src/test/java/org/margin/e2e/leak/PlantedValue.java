package org.margin.e2e.leak;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A made-up piece of personal data planted in a test essay, and the forms in which it would still identify the
 * student if it turned up somewhere it should not.
 */
public record PlantedValue(Kind kind, String value) {

    /** The kinds of personal data planted. */
    public enum Kind {
        NAME, EMAIL, PHONE, SSN, STREET_ADDRESS
    }

    /** Digit-only forms shorter than this would match ordinary numbers (ports, timings, counts). */
    private static final int MIN_DIGITS = 9;
    /** Name and street parts shorter than this are too common to search for on their own. */
    private static final int MIN_PART = 5;

    public PlantedValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /**
     * What to search for, each compared ignoring case: the value; for names, each part of it; for street
     * addresses, the street without its number; for numbers, the bare digits.
     */
    public Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value.toLowerCase(Locale.ROOT));
        switch (kind) {
            case NAME -> parts(value, forms);
            case STREET_ADDRESS -> parts(value.replaceFirst("^\\d+\\s+", "").replaceAll(",.*", ""), forms);
            case PHONE, SSN -> {
                String digits = value.replaceAll("\\D", "");
                if (digits.length() >= MIN_DIGITS) {
                    forms.add(digits);
                }
            }
            case EMAIL -> forms.add(value.substring(0, value.indexOf('@')).toLowerCase(Locale.ROOT));
        }
        return forms;
    }

    private static void parts(String text, Set<String> forms) {
        forms.add(text.toLowerCase(Locale.ROOT));
        for (String part : text.split("[\\s-]+")) {
            if (part.length() >= MIN_PART && !isStreetWord(part)) {
                forms.add(part.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean isStreetWord(String word) {
        return Set.of("road", "street", "lane", "terrace", "avenue").contains(word.toLowerCase(Locale.ROOT));
    }
}
