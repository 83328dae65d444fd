package org.margin.analysis.lexicon.compile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.margin.analysis.lexicon.WordTable;
import org.margin.analysis.syllables.HyphenationPatterns;

/**
 * Compiles Knuth's plain TeX hyphenation patterns (hyphen.tex) from the npm package hyphenated-en-us, whose
 * pattern list opens with those 4,447 patterns and goes on with Kuiken's "ushyphmax" additions. Only the plain
 * TeX ones are kept: textstat's hyphenator (pyphen with hyph_en_US.dic) is built on them too, and with the
 * additions syllable counts agree with it less often (99.0% of dictionary words instead of 99.6%).
 */
final class PlainTexPatterns {

    static final String FILE = "hyphenated-en-us/hyphenated-en-us.cjs.js";
    private static final int PLAIN_TEX_PATTERNS = 4447;
    private static final String LAST_PLAIN_TEX_PATTERN = "z4zy";

    private PlainTexPatterns() {
    }

    static HyphenationPatterns compile(byte[] source) {
        int from = JsLiterals.indexAfter(source, "patterns: [", FILE);
        int to = JsLiterals.indexOf(source, (byte) ']', from, FILE);
        PatternReader reader = new PatternReader();
        JsLiterals.forEach(source, from, to, FILE, reader);
        if (reader.patterns < PLAIN_TEX_PATTERNS || !LAST_PLAIN_TEX_PATTERN.equals(reader.lastPlainTexPattern)) {
            throw new IllegalStateException(FILE + " does not open with the " + PLAIN_TEX_PATTERNS
                    + " plain TeX patterns ending in '" + LAST_PLAIN_TEX_PATTERN + "'; has the package changed?");
        }
        return HyphenationPatterns.of(reader.table.build(), Arrays.copyOf(reader.weights, reader.weightCount));
    }

    /**
     * Splits each pattern into its letters and the weights around them: {@code "1tion"} becomes the letters
     * {@code "tion"}, keyed to the offset of its weights {@code [1, 0, 0, 0, 0]}.
     */
    private static final class PatternReader implements JsLiterals.Visitor {

        final WordTable.Builder table = WordTable.builder();
        byte[] weights = new byte[1 << 15];
        int weightCount;
        int patterns;
        String lastPlainTexPattern;
        private final StringBuilder letters = new StringBuilder();

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
                    throw new IllegalStateException(FILE + ": unexpected character '" + (char) b
                            + "' in a hyphenation pattern");
                }
            }
            weights[weightCount++] = pending;
            table.add(letters.toString(), offset);
        }
    }
}
