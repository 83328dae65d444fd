package org.margin.store.integrity;

/** One hash a winnowing pass selected from a submission, and the position in the text where it starts. */
public record Fingerprint(long hash, int position) {

    public Fingerprint {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
    }
}
