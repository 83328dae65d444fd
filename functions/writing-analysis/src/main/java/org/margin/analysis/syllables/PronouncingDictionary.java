package org.margin.analysis.syllables;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;

/**
 * Syllable counts from the CMU Pronouncing Dictionary (npm package cmu-pronouncing-dictionary 3.0.0, ISC;
 * the dictionary itself is Carnegie Mellon's, BSD-style): a word's syllables are the vowels of its first
 * pronunciation. The 134,000 words are compiled into a table when the module is built and load on first use.
 */
public final class PronouncingDictionary {

    /** The bundled table's name. */
    public static final String TABLE = "cmu-syllables.table";

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
        static final WordTable TABLE = WordTable.readFrom(BundledLexicon.read(PronouncingDictionary.TABLE),
                PronouncingDictionary.TABLE);
    }
}
