package org.margin.analysis.sentences;

/**
 * A word that opens more than one sentence.
 *
 * @param word      the opening word, normalised to lower case
 * @param sentences how many sentences open with it
 */
public record RepeatedOpening(String word, int sentences) {
}
