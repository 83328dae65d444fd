package org.margin.privacy.pii.text;

import java.util.Arrays;

/**
 * The text under scan, with its words and the positions of its numbers found once, on first request, and shared
 * by every recognizer.
 */
public final class ScanText {

    private final String text;
    private Words words;
    private int[] numberStarts;
    private int numberCount;
    private Boolean lowerCase;

    public ScanText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** How many runs of ASCII digits the text has. */
    public int numberCount() {
        indexNumbers();
        return numberCount;
    }

    /** Index of the first digit of the {@code n}-th run of ASCII digits, for scanners that start at numbers. */
    public int numberStart(int n) {
        indexNumbers();
        return numberStarts[n];
    }

    private void indexNumbers() {
        if (numberStarts != null) {
            return;
        }
        int[] starts = new int[16];
        int count = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit && !inRun) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
            inRun = digit;
        }
        numberStarts = starts;
        numberCount = count;
    }

    /** A text with letters but no capitals, where capitalisation cannot be used as evidence. */
    public boolean isLowerCase() {
        if (lowerCase == null) {
            lowerCase = hasNoCapitals();
        }
        return lowerCase;
    }

    private boolean hasNoCapitals() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 12;
    }

    public Words words() {
        if (words == null) {
            words = Words.of(text);
        }
        return words;
    }
}
