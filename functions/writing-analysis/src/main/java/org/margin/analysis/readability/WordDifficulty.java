package org.margin.analysis.readability;

import org.margin.analysis.syllables.SyllableCounter;
import org.margin.analysis.text.WordTokens;

/**
 * The per-word tallies that readability formulas need, gathered in one pass over the words.
 *
 * @param syllables     syllables over all words
 * @param polysyllables words of three or more syllables (SMOG)
 * @param complexWords  polysyllables that are not familiar words (Gunning Fog, as textstat counts them)
 * @param unfamiliar    words that are not familiar words (Dale-Chall)
 */
public record WordDifficulty(int syllables, int polysyllables, int complexWords, int unfamiliar) {

    private static final int POLYSYLLABLE = 3;

    public static WordDifficulty of(WordTokens words) {
        SyllableCounter syllableCounter = new SyllableCounter();
        char[] chars = words.chars();
        int syllables = 0;
        int polysyllables = 0;
        int complexWords = 0;
        int unfamiliar = 0;
        for (int word = 0, count = words.wordCount(); word < count; word++) {
            int start = words.start(word);
            int length = words.length(word);
            int wordSyllables = syllableCounter.count(chars, start, length);
            boolean familiar = FamiliarWords.contains(chars, start, length);
            syllables += wordSyllables;
            if (!familiar) {
                unfamiliar++;
            }
            if (wordSyllables >= POLYSYLLABLE) {
                polysyllables++;
                if (!familiar) {
                    complexWords++;
                }
            }
        }
        return new WordDifficulty(syllables, polysyllables, complexWords, unfamiliar);
    }
}
