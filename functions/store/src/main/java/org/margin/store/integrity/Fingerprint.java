package org.margin.store.integrity;

/**
 * One entry of a submission in its course's index: a hash, the position of its unit (or first unit) among the
 * text's units, and the characters of the original text it covers ({@code start} inclusive, {@code end}
 * exclusive). Positions are unique per submission and kind.
 */
public record Fingerprint(Kind kind, long hash, int position, int start, int end) {

    /** What a hash stands for. */
    public enum Kind {
        /** A winnowed k-gram: shared ones make up the reported passages. */
        PASSAGE,
        /** A distinct content word, filed once at its first position: for the word-overlap score. */
        WORD
    }

    public Fingerprint {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be given");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= start <= end");
        }
    }
}
