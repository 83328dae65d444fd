package org.margin.privacy.pii.institution;

import java.util.List;
import java.util.Objects;

/**
 * One kind of id an institution issues, such as its student numbers.
 *
 * @param label   what the id is, recorded in the recognizer name of each finding (e.g. "student-id")
 * @param pattern the id's shape
 * @param cues    words that, shortly before an id, confirm it ("student id", "staff number")
 */
public record InstitutionIdRule(String label, IdPattern pattern, List<String> cues) {

    public InstitutionIdRule {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(pattern, "pattern");
        cues = List.copyOf(cues);
    }

    public static InstitutionIdRule of(String label, String pattern, String... cues) {
        return new InstitutionIdRule(label, IdPattern.compile(pattern), List.of(cues));
    }
}
