package org.margin.analysis.readability;

/**
 * The readability formulas, with the constants and conventions of textstat 0.7.11: a formula whose inputs
 * would divide by zero or are zero scores 0.
 */
public final class ReadabilityFormulas {

    private ReadabilityFormulas() {
    }

    /**
     * @param words      words
     * @param tokens     runs of non-space characters, punctuation-only ones included (the ARI's word count for
     *                   characters per word, since those characters are counted too)
     * @param sentences  sentences
     * @param letters    word characters
     * @param characters non-space characters
     * @param difficulty per-word tallies
     */
    public static Readability score(int words, int tokens, int sentences, int letters, int characters,
                                    WordDifficulty difficulty) {
        if (words == 0 || sentences == 0) {
            return new Readability(0, 0, 0, 0, 0, 0, 0);
        }
        double wordsPerSentence = (double) words / sentences;
        double syllablesPerWord = (double) difficulty.syllables() / words;
        return new Readability(
                fleschReadingEase(wordsPerSentence, syllablesPerWord),
                fleschKincaidGrade(wordsPerSentence, syllablesPerWord),
                gunningFog(wordsPerSentence, difficulty.complexWords(), words),
                smogIndex(difficulty.polysyllables(), sentences),
                colemanLiauIndex(letters, sentences, words),
                automatedReadabilityIndex(characters, tokens, wordsPerSentence),
                daleChallScore(difficulty.unfamiliar(), words, wordsPerSentence));
    }

    static double fleschReadingEase(double wordsPerSentence, double syllablesPerWord) {
        if (syllablesPerWord == 0) {
            return 0;
        }
        return 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
    }

    static double fleschKincaidGrade(double wordsPerSentence, double syllablesPerWord) {
        if (syllablesPerWord == 0) {
            return 0;
        }
        return 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
    }

    static double gunningFog(double wordsPerSentence, int complexWords, int words) {
        return 0.4 * (wordsPerSentence + 100.0 * complexWords / words);
    }

    static double smogIndex(int polysyllables, int sentences) {
        return 1.043 * Math.sqrt(30 * ((double) polysyllables / sentences)) + 3.1291;
    }

    static double colemanLiauIndex(int letters, int sentences, int words) {
        double lettersPer100Words = (double) letters / words * 100;
        double sentencesPer100Words = (double) sentences / words * 100;
        if (lettersPer100Words == 0) {
            return 0;
        }
        return 0.058 * lettersPer100Words - 0.296 * sentencesPer100Words - 15.8;
    }

    static double automatedReadabilityIndex(int characters, int tokens, double wordsPerSentence) {
        if (characters == 0 || tokens == 0) {
            return 0;
        }
        double charactersPerToken = (double) characters / tokens;
        return 4.71 * charactersPerToken + 0.5 * wordsPerSentence - 21.43;
    }

    static double daleChallScore(int unfamiliar, int words, double wordsPerSentence) {
        double percentUnfamiliar = 100.0 * unfamiliar / words;
        double score = 0.1579 * percentUnfamiliar + 0.0496 * wordsPerSentence;
        // Dale and Chall's adjustment for texts with more than a few unfamiliar words.
        return percentUnfamiliar > 5 ? score + 3.6365 : score;
    }
}
