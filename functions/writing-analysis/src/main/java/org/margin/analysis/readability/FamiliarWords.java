package org.margin.analysis.readability;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;

/**
 * The New Dale-Chall list of about 3,000 words familiar to American fourth-graders (npm package dale-chall
 * 2.0.1, MIT). Dale-Chall counts the words outside it as difficult; Gunning Fog, as textstat applies it,
 * does not count a familiar word as complex. Loads on first use.
 */
public final class FamiliarWords {

    static final String NPM_PACKAGE = "dale-chall";
    private static final String FILE = "index.js";

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
        static final WordTable WORDS = load();
    }

    private static WordTable load() {
        String what = NPM_PACKAGE + "/" + FILE;
        byte[] source = BundledLexicon.read(NPM_PACKAGE, FILE);
        int from = BundledLexicon.indexAfter(source, "daleChall = [", what);
        int to = BundledLexicon.indexOf(source, (byte) ']', from, what);
        WordTable.Builder builder = WordTable.builder();
        int words = BundledLexicon.forEachLiteral(source, from, to, what,
                (bytes, start, end) -> builder.add(bytes, start, end, 1));
        if (words == 0) {
            throw new IllegalStateException(what + " holds no words");
        }
        return builder.build();
    }
}
