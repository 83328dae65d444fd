package org.margin.privacy.redaction;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.margin.privacy.pii.EntityType;

/**
 * The pseudonyms of one document: the first distinct person is PERSON_1, the second PERSON_2, and so on per
 * type. Values are compared after Unicode normalisation, case folding and collapsing of white space, so that
 * "Maya Lopez" and "maya  lopez" get the same pseudonym. Not thread-safe: one table belongs to one document.
 */
public final class PseudonymTable {

    private final Map<EntityType, Map<String, Integer>> numbers = new EnumMap<>(EntityType.class);

    /** The pseudonym of {@code value}, assigning the next free number to a value not seen before. */
    public String pseudonym(EntityType type, String value) {
        Map<String, Integer> ofType = numbers.computeIfAbsent(type, ignored -> new HashMap<>());
        int number = ofType.computeIfAbsent(normalise(value), ignored -> ofType.size() + 1);
        return type.name() + "_" + number;
    }

    static String normalise(String value) {
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        StringBuilder collapsed = new StringBuilder(normalised.length());
        boolean space = false;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !collapsed.isEmpty()) {
                    collapsed.append(' ');
                }
                space = false;
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }
}
