package org.margin.integrity.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns prose into units for fingerprinting while remembering where each unit came from: case, punctuation and
 * white space never matter; in word mode inflections are folded ("arguments", "argued" and "arguing" all become
 * "argu") and stop words may be dropped. Thread-safe; each call allocates only its result and a word buffer.
 */
public final class Normaliser {

    /** Longer runs of letters are cut into pieces of this length, so that no input makes the buffer grow. */
    private static final int MAX_WORD = 64;

    private final Units units;
    private final boolean dropStopWords;

    public Normaliser(Units units, boolean dropStopWords) {
        this.units = Objects.requireNonNull(units, "units");
        this.dropStopWords = dropStopWords;
    }

    public Units units() {
        return units;
    }

    public boolean dropsStopWords() {
        return dropStopWords;
    }

    public NormalisedText normalise(CharSequence text) {
        return units == Units.CHARACTERS ? characters(text) : words(text);
    }

    private static NormalisedText characters(CharSequence text) {
        int capacity = text.length();
        long[] codes = new long[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            int next = i + Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                codes[count] = Character.toLowerCase(codePoint);
                starts[count] = i;
                ends[count] = next;
                count++;
            }
            i = next;
        }
        return new NormalisedText(count, codes, starts, ends);
    }

    private NormalisedText words(CharSequence text) {
        int capacity = Math.max(16, text.length() / 4);
        long[] codes = new long[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        char[] word = new char[MAX_WORD + 2];
        int i = 0;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            if (!Character.isLetterOrDigit(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            int length = 0;
            // A word: letters and digits, with apostrophes inside it dropped ("don't" is "dont").
            while (i < text.length() && length < MAX_WORD) {
                codePoint = Character.codePointAt(text, i);
                if (Character.isLetterOrDigit(codePoint)) {
                    length = append(word, length, Character.toLowerCase(codePoint));
                } else if (!(isApostrophe(codePoint) && i + 1 < text.length()
                        && Character.isLetterOrDigit(Character.codePointAt(text, i + 1)))) {
                    break;
                }
                i += Character.charCount(codePoint);
            }
            if (dropStopWords && StopWords.contains(WordHash.of(word, length))) {
                continue;
            }
            if (count == codes.length) {
                int grown = codes.length * 2;
                codes = Arrays.copyOf(codes, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
            }
            codes[count] = WordHash.of(word, Inflections.fold(word, length));
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return new NormalisedText(count, codes, starts, ends);
    }

    private static int append(char[] word, int length, int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            word[length] = (char) codePoint;
            return length + 1;
        }
        word[length] = Character.highSurrogate(codePoint);
        word[length + 1] = Character.lowSurrogate(codePoint);
        return length + 2;
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019';
    }
}
