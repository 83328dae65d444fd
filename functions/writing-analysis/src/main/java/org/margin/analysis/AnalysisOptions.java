package org.margin.analysis;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to compute.
 *
 * @param sections              the sections to compute; at least one
 * @param repeatedOpeningsLimit how many repeated sentence openings to list, from 0 to 50
 * @param mtldThreshold         the type-token ratio at which an MTLD factor ends, strictly between 0 and 1;
 *                              0.72 is McCarthy and Jarvis's value, and other values make scores incomparable
 *                              with published ones
 */
public record AnalysisOptions(Set<Section> sections, int repeatedOpeningsLimit, double mtldThreshold) {

    public static final int DEFAULT_REPEATED_OPENINGS_LIMIT = 10;
    public static final int MAX_REPEATED_OPENINGS_LIMIT = 50;
    public static final double DEFAULT_MTLD_THRESHOLD = 0.72;

    /** @throws IllegalArgumentException naming the option that is out of range */
    public AnalysisOptions {
        if (sections == null || sections.isEmpty()) {
            throw new IllegalArgumentException("sections: ask for at least one of " + EnumSet.allOf(Section.class));
        }
        for (Section section : sections) {
            if (section == null) {
                throw new IllegalArgumentException("sections: must not contain null");
            }
        }
        sections = Set.copyOf(sections);
        if (repeatedOpeningsLimit < 0 || repeatedOpeningsLimit > MAX_REPEATED_OPENINGS_LIMIT) {
            throw new IllegalArgumentException("repeatedOpeningsLimit: must be from 0 to "
                    + MAX_REPEATED_OPENINGS_LIMIT + ", got " + repeatedOpeningsLimit);
        }
        if (!(mtldThreshold > 0 && mtldThreshold < 1)) {
            throw new IllegalArgumentException("mtldThreshold: must be strictly between 0 and 1, got "
                    + mtldThreshold);
        }
    }

    /** Every section, with the default limits. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(EnumSet.allOf(Section.class), DEFAULT_REPEATED_OPENINGS_LIMIT,
                DEFAULT_MTLD_THRESHOLD);
    }

    /** Only the given sections, with the default limits. */
    public static AnalysisOptions only(Section first, Section... more) {
        return new AnalysisOptions(EnumSet.of(first, more), DEFAULT_REPEATED_OPENINGS_LIMIT,
                DEFAULT_MTLD_THRESHOLD);
    }

    public AnalysisOptions withRepeatedOpeningsLimit(int limit) {
        return new AnalysisOptions(sections, limit, mtldThreshold);
    }

    public AnalysisOptions withMtldThreshold(double threshold) {
        return new AnalysisOptions(sections, repeatedOpeningsLimit, threshold);
    }

    public boolean includes(Section section) {
        return sections.contains(section);
    }
}
