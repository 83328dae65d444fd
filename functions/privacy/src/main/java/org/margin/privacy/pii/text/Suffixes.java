package org.margin.privacy.pii.text;

/**
 * Word endings, compared ignoring case, that count only when they leave a stem of a given length: Ziegel|gasse,
 * Hubert|side, but not a short word that merely ends so.
 */
public final class Suffixes {

    private final String[] endings;
    private final int minStem;

    private Suffixes(int minStem, String[] endings) {
        this.minStem = minStem;
        this.endings = endings.clone();
    }

    /** @param endings lower case */
    public static Suffixes of(int minStem, String... endings) {
        return new Suffixes(minStem, endings);
    }

    /** Whether the word at {@code [start, end)} of {@code text} has one of the endings after a long enough stem. */
    public boolean endWord(CharSequence text, int start, int end) {
        int length = end - start;
        for (String ending : endings) {
            if (length >= ending.length() + minStem && endsWith(text, end, ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(CharSequence text, int end, String ending) {
        int offset = end - ending.length();
        for (int i = 0; i < ending.length(); i++) {
            if (Character.toLowerCase(text.charAt(offset + i)) != ending.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
