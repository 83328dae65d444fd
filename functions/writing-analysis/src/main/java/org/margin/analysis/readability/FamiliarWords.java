package org.margin.analysis.readability;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;

/**
 * The New Dale-Chall list of about 3,000 words familiar to American fourth-graders (npm package dale-chall
 * 2.0.1, MIT). Dale-Chall counts the words outside it as difficult; Gunning Fog, as textstat applies it,
 * does not count a familiar word as complex. Compiled into a table when the module is built; loads on first
 * use.
 */
public final class FamiliarWords {

    /** The bundled table's name. */
    public static final String TABLE = "dale-chall.table";

    private FamiliarWords() {
    }

    /** Whether the lower-case word {@code chars[offset, offset + length)} is on the list. */
    public static boolean contains(char[] chars, int offset, int length) {
        return Holder.WORDS.contains(chars, offset, length);
    }

    /** Number of words on the list; loads it if it has not been loaded. */
    public static int size() {
        return Holder.WORDS.size();
    }

    private static final class Holder {
        static final WordTable WORDS = WordTable.readFrom(BundledLexicon.read(TABLE), TABLE);
    }
}
