package org.margin.analysis.lexicon.compile;

import org.margin.analysis.lexicon.WordTable;

/**
 * Compiles the CMU Pronouncing Dictionary of the npm package cmu-pronouncing-dictionary into a table from
 * each word to the syllables of its first pronunciation, that is the phones that carry a stress digit.
 */
final class CmuSyllables {

    static final String FILE = "cmu-pronouncing-dictionary/index.js";

    private CmuSyllables() {
    }

    static WordTable compile(byte[] source) {
        int from = JsLiterals.indexAfter(source, "dictionary = {", FILE);
        EntryReader reader = new EntryReader();
        int literals = JsLiterals.forEach(source, from, source.length, FILE, reader);
        if (literals == 0 || literals % 2 != 0) {
            throw new IllegalStateException(FILE + " does not hold word and pronunciation pairs");
        }
        return reader.builder.build();
    }

    /** Takes the literals as alternating word and pronunciation, keeping each word's first pronunciation. */
    private static final class EntryReader implements JsLiterals.Visitor {

        final WordTable.Builder builder = WordTable.builder();
        private int wordStart = -1;
        private int wordEnd;

        @Override
        public void literal(byte[] source, int start, int end) {
            if (wordStart < 0) {
                wordStart = start;
                wordEnd = end;
                return;
            }
            // Further pronunciations are keyed "word(2)", "word(3)", ...
            if (!containsParenthesis(source, wordStart, wordEnd)) {
                builder.add(source, wordStart, wordEnd, stressedVowels(source, start, end));
            }
            wordStart = -1;
        }

        private static boolean containsParenthesis(byte[] source, int start, int end) {
            for (int i = start; i < end; i++) {
                if (source[i] == '(') {
                    return true;
                }
            }
            return false;
        }

        /** Phones ending in a stress digit, up to a trailing "# comment". */
        private static int stressedVowels(byte[] source, int start, int end) {
            int vowels = 0;
            for (int i = start; i < end && source[i] != '#'; i++) {
                boolean phoneEnds = i + 1 == end || source[i + 1] == ' ';
                if (phoneEnds && source[i] >= '0' && source[i] <= '9') {
                    vowels++;
                }
            }
            return vowels;
        }
    }
}
