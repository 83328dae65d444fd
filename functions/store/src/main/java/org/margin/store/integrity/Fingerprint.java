package org.margin.store.integrity;

/**
 * One hash a winnowing pass selected from a submission: the position of its k-gram among the text's units, and
 * the characters of the original text the k-gram covers ({@code start} inclusive, {@code end} exclusive).
 */
public record Fingerprint(long hash, int position, int start, int end) {

    public Fingerprint {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= start <= end");
        }
    }
}
