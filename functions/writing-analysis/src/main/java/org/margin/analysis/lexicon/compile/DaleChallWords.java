package org.margin.analysis.lexicon.compile;

import org.margin.analysis.lexicon.WordTable;

/** Compiles the New Dale-Chall familiar-word list of the npm package dale-chall into a word set. */
final class DaleChallWords {

    static final String FILE = "dale-chall/index.js";

    private DaleChallWords() {
    }

    static WordTable compile(byte[] source) {
        int from = JsLiterals.indexAfter(source, "daleChall = [", FILE);
        int to = JsLiterals.indexOf(source, (byte) ']', from, FILE);
        WordTable.Builder builder = WordTable.builder();
        int words = JsLiterals.forEach(source, from, to, FILE, (bytes, start, end) -> builder.add(bytes, start, end, 1));
        if (words == 0) {
            throw new IllegalStateException(FILE + " holds no words");
        }
        return builder.build();
    }
}
