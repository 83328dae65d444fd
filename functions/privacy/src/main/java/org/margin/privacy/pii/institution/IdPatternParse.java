package org.margin.privacy.pii.institution;

/** The outcome of reading an institution's id pattern. */
public sealed interface IdPatternParse {

    record Valid(IdPattern pattern) implements IdPatternParse {
    }

    /** @param position index in the pattern source where the problem was noticed */
    record Invalid(String reason, int position) implements IdPatternParse {
    }
}
