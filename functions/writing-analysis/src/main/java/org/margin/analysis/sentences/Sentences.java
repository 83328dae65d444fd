package org.margin.analysis.sentences;

import java.util.Arrays;

import org.margin.analysis.text.CharacterClasses;

/**
 * The sentences of a text, split the way textstat splits them so that readability figures agree with it.
 *
 * <p>A segment starts at a word boundary, runs to the next '.', '!' or '?', and takes every terminator that
 * follows. Segments of one or two words are not counted as sentences: most are abbreviations or initials
 * ("Mr.", "T.V.", "J. K."). A text always has at least one sentence.
 *
 * <p>For sentence-level measures each counted sentence also takes the uncounted fragments just before it
 * (so "Mr. Smith left." is one sentence of three words), and the last one takes any trailing fragments.
 * Every word therefore belongs to exactly one sentence, and the mean sentence length is words / sentences.
 */
public final class Sentences {

    private final int count;
    private final int[] boundaries;

    private Sentences(int count, int[] boundaries) {
        this.count = count;
        this.boundaries = boundaries;
    }

    public static Sentences of(String text) {
        int length = text.length();
        int[] ends = new int[8];
        int counted = 0;
        boolean previousIsWord = false;
        int i = 0;
        while (i < length) {
            int codePoint = text.codePointAt(i);
            boolean isWord = CharacterClasses.isWordCharacter(codePoint);
            if (isWord != previousIsWord && !isTerminator(codePoint)) {
                int end = segmentEnd(text, i);
                if (wordsIn(text, i, end) > 2) {
                    if (counted == ends.length) {
                        ends = Arrays.copyOf(ends, counted * 2);
                    }
                    ends[counted++] = end;
                }
                previousIsWord = CharacterClasses.isWordCharacter(text.codePointBefore(end));
                i = end;
                continue;
            }
            previousIsWord = isWord;
            i += Character.charCount(codePoint);
        }
        if (counted == 0) {
            return new Sentences(1, new int[0]);
        }
        return new Sentences(counted, Arrays.copyOf(ends, counted - 1));
    }

    /** Sentences that have more than two words, and at least one. */
    public int count() {
        return count;
    }

    /**
     * Where sentence {@code sentence + 1} begins in the text, for {@code sentence < count() - 1}; sentence 0
     * begins at the start of the text and the last sentence runs to its end.
     */
    public int boundaryAfter(int sentence) {
        return boundaries[sentence];
    }

    private static boolean isTerminator(int codePoint) {
        return codePoint == '.' || codePoint == '!' || codePoint == '?';
    }

    private static int segmentEnd(String text, int start) {
        int length = text.length();
        int i = start;
        while (i < length && !isTerminator(text.charAt(i))) {
            i++;
        }
        while (i < length && isTerminator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Runs of non-space characters in {@code text[start, end)} that hold a word character. */
    private static int wordsIn(String text, int start, int end) {
        int words = 0;
        boolean tokenHasWordCharacter = false;
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (CharacterClasses.isSpace(codePoint)) {
                if (tokenHasWordCharacter) {
                    words++;
                }
                tokenHasWordCharacter = false;
            } else {
                tokenHasWordCharacter |= CharacterClasses.isWordCharacter(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return tokenHasWordCharacter ? words + 1 : words;
    }
}
