package org.margin.analysis.syllables;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;

/**
 * Liang's hyphenation patterns for American English: the 4,447 patterns of Knuth's plain TeX table
 * (hyphen.tex), which open the pattern list of the npm package hyphenated-en-us 1.2.0 (MIT). That list goes on
 * with Kuiken's 491 "ushyphmax" additions, which are left out: textstat's hyphenator (pyphen with
 * hyph_en_US.dic) is built on the plain TeX table too, and with the additions syllable counts agree with it
 * less often (99.0% of dictionary words instead of 99.6%). A pattern such as {@code "1tion"} is stored as its
 * letters {@code "tion"} and the weights around them, {@code [1, 0, 0, 0, 0]}. The patterns load on first use.
 */
public final class HyphenationPatterns {

    static final String NPM_PACKAGE = "hyphenated-en-us";
    private static final String FILE = "hyphenated-en-us.cjs.js";
    private static final int PLAIN_TEX_PATTERNS = 4447;
    private static final String LAST_PLAIN_TEX_PATTERN = "z4zy";

    private final WordTable weightsOffsetByLetters;
    private final byte[] weights;

    private HyphenationPatterns(WordTable weightsOffsetByLetters, byte[] weights) {
        this.weightsOffsetByLetters = weightsOffsetByLetters;
        this.weights = weights;
    }

    public static HyphenationPatterns usEnglish() {
        return Holder.US_ENGLISH;
    }

    /**
     * Where the weights of the pattern spelled {@code chars[offset, offset + length)} begin, or
     * {@link WordTable#ABSENT}; a pattern of n letters has n + 1 weights.
     */
    int weightsOffset(char[] chars, int offset, int length) {
        return weightsOffsetByLetters.get(chars, offset, length);
    }

    byte weight(int index) {
        return weights[index];
    }

    /** Letters in the longest pattern, word-boundary dots included. */
    int longestPattern() {
        return weightsOffsetByLetters.longestKey();
    }

    /** Number of patterns. */
    public int size() {
        return weightsOffsetByLetters.size();
    }

    private static final class Holder {
        static final HyphenationPatterns US_ENGLISH = load();
    }

    private static HyphenationPatterns load() {
        String what = NPM_PACKAGE + "/" + FILE;
        byte[] source = BundledLexicon.read(NPM_PACKAGE, FILE);
        int from = BundledLexicon.indexAfter(source, "patterns: [", what);
        int to = BundledLexicon.indexOf(source, (byte) ']', from, what);
        PatternReader reader = new PatternReader(what);
        BundledLexicon.forEachLiteral(source, from, to, what, reader);
        if (reader.patterns < PLAIN_TEX_PATTERNS || !LAST_PLAIN_TEX_PATTERN.equals(reader.lastPlainTexPattern)) {
            throw new IllegalStateException(what + " does not open with the " + PLAIN_TEX_PATTERNS
                    + " plain TeX patterns ending in '" + LAST_PLAIN_TEX_PATTERN + "'; has the package changed?");
        }
        return new HyphenationPatterns(reader.table.build(), Arrays.copyOf(reader.weights, reader.weightCount));
    }

    /** Splits each of the plain TeX patterns into its letters and the weights around them. */
    private static final class PatternReader implements BundledLexicon.LiteralVisitor {

        final WordTable.Builder table = WordTable.builder();
        byte[] weights = new byte[1 << 15];
        int weightCount;
        int patterns;
        String lastPlainTexPattern;
        private final String what;
        private final StringBuilder letters = new StringBuilder();

        PatternReader(String what) {
            this.what = what;
        }

        @Override
        public void literal(byte[] source, int start, int end) {
            if (++patterns > PLAIN_TEX_PATTERNS) {
                return;
            }
            if (patterns == PLAIN_TEX_PATTERNS) {
                lastPlainTexPattern = new String(source, start, end - start, StandardCharsets.US_ASCII);
            }
            letters.setLength(0);
            if (weightCount + (end - start) + 1 > weights.length) {
                weights = Arrays.copyOf(weights, weights.length * 2);
            }
            int offset = weightCount;
            byte pending = 0;
            for (int i = start; i < end; i++) {
                byte b = source[i];
                if (b >= '0' && b <= '9') {
                    pending = (byte) (b - '0');
                } else if ((b >= 'a' && b <= 'z') || b == '.') {
                    weights[weightCount++] = pending;
                    pending = 0;
                    letters.append((char) b);
                } else {
                    throw new IllegalStateException(what + ": unexpected character '" + (char) b
                            + "' in a hyphenation pattern");
                }
            }
            weights[weightCount++] = pending;
            table.add(letters.toString(), offset);
        }
    }
}
