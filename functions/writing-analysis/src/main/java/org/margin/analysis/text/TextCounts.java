package org.margin.analysis.text;

/**
 * The basic counts of a text.
 *
 * @param words         words, as defined by {@link WordTokens}
 * @param sentences     sentences that have more than two words (at least one), as readability formulas use them
 * @param paragraphs    paragraphs, as defined by {@link Paragraphs}
 * @param syllables     syllables over all words
 * @param polysyllables words of three or more syllables
 * @param letters       word characters: letters, digits and underscores
 * @param characters    characters that are not white space, punctuation included
 */
public record TextCounts(int words, int sentences, int paragraphs, int syllables, int polysyllables, int letters,
                         int characters) {
}
