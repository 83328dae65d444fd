package org.margin.integrity.winnowing;

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): in every window of {@code w} consecutive k-gram
 * hashes select the minimum, the rightmost one if it occurs more than once, and keep each selected position once.
 * Any substring shared by two texts that spans at least {@code w + k - 1} units shares a selected hash, and no
 * shared substring shorter than {@code k} is ever reported. A text with fewer than {@code w} hashes is one window.
 */
public final class Winnower {

    private Winnower() {
    }

    /**
     * The selected positions, in increasing order, written to the start of {@code selected} (which must be at
     * least as long as {@code hashes}); returns how many.
     */
    public static int select(long[] hashes, int w, int[] selected) {
        if (w < 1) {
            throw new IllegalArgumentException("w must be at least 1");
        }
        if (selected.length < hashes.length) {
            throw new IllegalArgumentException("selected must have room for every position");
        }
        int n = hashes.length;
        int count = 0;
        int minimum = -1;
        for (int right = 0; right < n; right++) {
            int left = Math.max(0, right - w + 1);
            if (minimum < left) {
                minimum = rightmostMinimum(hashes, left, right);
            } else if (hashes[right] <= hashes[minimum]) {
                minimum = right;
            }
            boolean windowComplete = right >= w - 1 || right == n - 1;
            if (windowComplete && (count == 0 || selected[count - 1] != minimum)) {
                selected[count++] = minimum;
            }
        }
        return count;
    }

    private static int rightmostMinimum(long[] hashes, int from, int to) {
        int minimum = from;
        for (int i = from + 1; i <= to; i++) {
            if (hashes[i] <= hashes[minimum]) {
                minimum = i;
            }
        }
        return minimum;
    }
}
