package org.margin.analysis.syllables;

import org.margin.analysis.lexicon.WordTable;

/**
 * Counts the syllables of a normalised word as textstat 0.7.11 does: from the CMU Pronouncing Dictionary when
 * it knows the word, otherwise as one more than the word's hyphenation points. Not thread-safe; make one per
 * analysis.
 */
public final class SyllableCounter {

    private final Hyphenator hyphenator = new Hyphenator(HyphenationPatterns.usEnglish());

    public int count(char[] chars, int offset, int length) {
        int known = PronouncingDictionary.syllables(chars, offset, length);
        if (known != WordTable.ABSENT) {
            return known;
        }
        return hyphenator.points(chars, offset, length) + 1;
    }
}
