package org.margin.analysis.lexicon;

/** The one hash used for word slices, so that tables built at load time and probes on the hot path agree. */
public final class WordHash {

    private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private WordHash() {
    }

    /** FNV-1a over the UTF-16 units of {@code chars[offset, offset + length)}, with its high bits folded down. */
    public static int of(char[] chars, int offset, int length) {
        int hash = FNV_OFFSET_BASIS;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        // Tables index by the low bits; folding spreads the well-mixed high bits into them.
        return hash ^ (hash >>> 16);
    }

    /**
     * Whether two word slices hold the same characters. A plain loop: words are a few characters long, too
     * short for the vectorised comparison of {@code Arrays.equals} to pay for its setup.
     */
    public static boolean equal(char[] a, int aOffset, int aLength, char[] b, int bOffset, int bLength) {
        if (aLength != bLength) {
            return false;
        }
        for (int i = 0; i < aLength; i++) {
            if (a[aOffset + i] != b[bOffset + i]) {
                return false;
            }
        }
        return true;
    }
}
