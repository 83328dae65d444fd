package org.margin.integrity.winnowing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.margin.store.integrity.Fingerprint;

/**
 * A text's winnowed fingerprints in text order: each one's hash, the position of its k-gram among the text's
 * units, and the characters of the original text that k-gram covers.
 */
public final class TextFingerprints {

    private final int count;
    private final long[] hashes;
    private final int[] positions;
    private final int[] starts;
    private final int[] ends;

    TextFingerprints(int count, long[] hashes, int[] positions, int[] starts, int[] ends) {
        this.count = count;
        this.hashes = hashes;
        this.positions = positions;
        this.starts = starts;
        this.ends = ends;
    }

    public int count() {
        return count;
    }

    public long hash(int index) {
        return hashes[checked(index)];
    }

    public int position(int index) {
        return positions[checked(index)];
    }

    public int start(int index) {
        return starts[checked(index)];
    }

    public int end(int index) {
        return ends[checked(index)];
    }

    /** The distinct hashes, ascending. */
    public long[] distinctHashes() {
        long[] sorted = Arrays.copyOf(hashes, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The fingerprints as the store files them. */
    public List<Fingerprint> toStored() {
        List<Fingerprint> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stored.add(new Fingerprint(hashes[i], positions[i], starts[i], ends[i]));
        }
        return stored;
    }

    private int checked(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("fingerprint " + index + " of " + count);
        }
        return index;
    }
}
