package org.margin.integrity.text;

/**
 * Folds English inflections by cutting suffixes: a deliberately crude stemmer. It only has to send a word's
 * forms to the same code in both texts; whether that code is a real stem does not matter, and a wrong merge
 * ("news" and "new") costs little because a fingerprint spans several words.
 */
final class Inflections {

    private Inflections() {
    }

    /** The length of the folded word, which is a prefix of the word in {@code word[0, length)}. */
    static int fold(char[] word, int length) {
        int folded = length;
        if (folded > 4 && ends(word, folded, "ies")) {
            folded -= 2;
            word[folded - 1] = 'y';
        } else if (folded > 3 && ends(word, folded, "s") && !ends(word, folded, "ss")) {
            folded -= 1;
        }
        if (folded > 5 && ends(word, folded, "ing")) {
            folded -= 3;
        } else if (folded > 4 && ends(word, folded, "ed")) {
            folded -= 2;
        } else if (folded > 4 && ends(word, folded, "ly")) {
            folded -= 2;
        }
        if (folded > 3 && ends(word, folded, "e")) {
            folded -= 1;
        }
        return folded;
    }

    private static boolean ends(char[] word, int length, String suffix) {
        int from = length - suffix.length();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (word[from + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
