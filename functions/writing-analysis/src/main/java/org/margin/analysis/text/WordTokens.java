package org.margin.analysis.text;

import java.util.Arrays;

/**
 * The words of a text, found in one pass. A word is a run of non-space characters that keeps at least one
 * word character once punctuation is dropped; its normalised form is lower case and keeps only word
 * characters and the apostrophe of an English contraction ({@code 't}, {@code 's}, {@code 'd}, {@code 've},
 * {@code 'll}, {@code 're}), so "Anna's" becomes "anna's", "singer-songwriter" becomes "singersongwriter"
 * and "T.V." becomes "tv". The normalised forms sit end to end in one char array.
 */
public final class WordTokens {

    private final char[] normalized;
    private final int[] bounds;
    private final int[] sourceStarts;
    private final int wordCount;
    private final int tokenCount;
    private final int letterCount;
    private final int characterCount;

    private WordTokens(char[] normalized, int[] bounds, int[] sourceStarts, int wordCount, int tokenCount,
                       int letterCount, int characterCount) {
        this.normalized = normalized;
        this.bounds = bounds;
        this.sourceStarts = sourceStarts;
        this.wordCount = wordCount;
        this.tokenCount = tokenCount;
        this.letterCount = letterCount;
        this.characterCount = characterCount;
    }

    public static WordTokens of(String text) {
        int length = text.length();
        char[] normalized = new char[length];
        int normalizedLength = 0;
        int initialWords = length / 4 + 4;
        int[] bounds = new int[initialWords + 1];
        int[] sourceStarts = new int[initialWords];
        int words = 0;
        int tokens = 0;
        int letters = 0;
        int characters = 0;

        int i = 0;
        while (i < length) {
            int codePoint = text.codePointAt(i);
            if (CharacterClasses.isSpace(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int tokenStart = i;
            int wordStart = normalizedLength;
            while (i < length) {
                if (normalizedLength + 2 > normalized.length) {
                    normalized = Arrays.copyOf(normalized, normalized.length * 2 + 2);
                }
                char c = text.charAt(i);
                // Student prose is nearly all ASCII; it takes the short way.
                if (c < 0x80) {
                    if (CharacterClasses.isSpace(c)) {
                        break;
                    }
                    characters++;
                    if (CharacterClasses.isWordCharacter(c)) {
                        letters++;
                        normalized[normalizedLength++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                    } else if (c == '\'' && opensContractionEnding(text, i + 1)) {
                        normalized[normalizedLength++] = '\'';
                    }
                    i++;
                    continue;
                }
                codePoint = text.codePointAt(i);
                if (CharacterClasses.isSpace(codePoint)) {
                    break;
                }
                characters++;
                if (CharacterClasses.isWordCharacter(codePoint)) {
                    letters++;
                    normalizedLength += Character.toChars(Character.toLowerCase(codePoint), normalized,
                            normalizedLength);
                }
                i += Character.charCount(codePoint);
            }
            tokens++;
            if (normalizedLength > wordStart) {
                if (words == sourceStarts.length) {
                    sourceStarts = Arrays.copyOf(sourceStarts, words * 2);
                    bounds = Arrays.copyOf(bounds, words * 2 + 1);
                }
                sourceStarts[words] = tokenStart;
                bounds[++words] = normalizedLength;
            }
        }
        return new WordTokens(normalized, bounds, sourceStarts, words, tokens, letters, characters);
    }

    /**
     * Whether an apostrophe just before {@code at} belongs to a contraction. The test is on the raw text and
     * case-sensitive, as textstat's is, so "DON'T" loses its apostrophe while "don't" keeps it.
     */
    private static boolean opensContractionEnding(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        char next = text.charAt(at);
        if (next == 't' || next == 's' || next == 'd') {
            return true;
        }
        return text.startsWith("ve", at) || text.startsWith("ll", at) || text.startsWith("re", at);
    }

    /** Number of words. */
    public int wordCount() {
        return wordCount;
    }

    /** Number of runs of non-space characters, punctuation-only ones such as "&amp;" or "..." included. */
    public int tokenCount() {
        return tokenCount;
    }

    /** Number of word characters (letters, digits, underscores) in the text. */
    public int letterCount() {
        return letterCount;
    }

    /** Number of characters (code points) that are not white space. */
    public int characterCount() {
        return characterCount;
    }

    /** The array that holds every normalised word; index it with {@link #start} and {@link #length}. */
    public char[] chars() {
        return normalized;
    }

    public int start(int word) {
        return bounds[word];
    }

    public int length(int word) {
        return bounds[word + 1] - bounds[word];
    }

    /** Where the word's run of characters begins in the original text. */
    public int sourceStart(int word) {
        return sourceStarts[word];
    }

    /** The normalised word as a string; allocates, so meant for reports, not for the counting passes. */
    public String word(int word) {
        return new String(normalized, bounds[word], length(word));
    }
}
