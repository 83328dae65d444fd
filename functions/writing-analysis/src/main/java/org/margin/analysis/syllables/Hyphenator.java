package org.margin.analysis.syllables;

import java.util.Arrays;

import org.margin.analysis.lexicon.WordTable;

/**
 * Finds the hyphenation points of a word with Liang's algorithm: every pattern that occurs in the word, with
 * dots marking its two ends, lifts the weights between letters, and an odd weight marks a point. Like
 * textstat's hyphenator (pyphen with its defaults), points closer than two letters to either end are dropped.
 * Not thread-safe: it reuses its buffers from word to word.
 */
public final class Hyphenator {

    private static final int LEFT_MIN = 2;
    private static final int RIGHT_MIN = 2;

    private final HyphenationPatterns patterns;
    private char[] dotted = new char[32];
    private byte[] levels = new byte[33];

    public Hyphenator(HyphenationPatterns patterns) {
        this.patterns = patterns;
    }

    /** Number of hyphenation points in the lower-case word {@code chars[offset, offset + length)}. */
    public int points(char[] chars, int offset, int length) {
        int dottedLength = length + 2;
        if (dottedLength + 1 > levels.length) {
            dotted = new char[dottedLength * 2];
            levels = new byte[dottedLength * 2 + 1];
        }
        dotted[0] = '.';
        System.arraycopy(chars, offset, dotted, 1, length);
        dotted[dottedLength - 1] = '.';
        Arrays.fill(levels, 0, dottedLength + 1, (byte) 0);

        int longest = patterns.longestPattern();
        for (int start = 0; start < dottedLength - 1; start++) {
            int lastEnd = Math.min(start + longest, dottedLength);
            for (int end = start + 1; end <= lastEnd; end++) {
                int weights = patterns.weightsOffset(dotted, start, end - start);
                if (weights == WordTable.ABSENT) {
                    continue;
                }
                for (int k = 0; k <= end - start; k++) {
                    byte weight = patterns.weight(weights + k);
                    if (weight > levels[start + k]) {
                        levels[start + k] = weight;
                    }
                }
            }
        }

        // levels[i] sits before dotted[i], that is before chars[offset + i - 1].
        int points = 0;
        for (int i = LEFT_MIN + 1, last = length - RIGHT_MIN + 1; i <= last; i++) {
            if ((levels[i] & 1) == 1) {
                points++;
            }
        }
        return points;
    }
}
