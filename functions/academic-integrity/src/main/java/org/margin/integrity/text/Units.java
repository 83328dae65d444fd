package org.margin.integrity.text;

/** What one unit of a normalised text is: the sequence that k-grams are taken over. */
public enum Units {
    /** Lower-cased letters and digits, everything else dropped (the winnowing paper's normalisation). */
    CHARACTERS,
    /** Lower-cased words with inflections folded, optionally without stop words. */
    WORDS
}
