package org.margin.integrity.text;

/**
 * A text as a sequence of units: each unit's code (a character, or a word's hash) and the characters of the
 * original text it came from ({@code start} inclusive, {@code end} exclusive). The arrays may be longer than
 * {@code length}; only the first {@code length} entries count. Arrays rather than objects: this runs on every
 * submission, and a unit costs 16 bytes, not an object.
 */
public final class NormalisedText {

    private final int length;
    private final long[] codes;
    private final int[] starts;
    private final int[] ends;

    NormalisedText(int length, long[] codes, int[] starts, int[] ends) {
        this.length = length;
        this.codes = codes;
        this.starts = starts;
        this.ends = ends;
    }

    public int length() {
        return length;
    }

    public long code(int unit) {
        return codes[checked(unit)];
    }

    /** Where unit {@code unit} starts in the original text. */
    public int start(int unit) {
        return starts[checked(unit)];
    }

    /** Where unit {@code unit} ends (exclusive) in the original text. */
    public int end(int unit) {
        return ends[checked(unit)];
    }

    private int checked(int unit) {
        if (unit < 0 || unit >= length) {
            throw new IndexOutOfBoundsException("unit " + unit + " of " + length);
        }
        return unit;
    }
}
