package org.margin.integrity.winnowing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.margin.store.integrity.Fingerprint;
import org.margin.store.integrity.Fingerprint.Kind;

/**
 * A text's entries for the course index, in text order: its winnowed fingerprints (each k-gram's hash, the
 * position of the k-gram among the text's units, and the characters it covers) and, in word mode, its distinct
 * words (each at its first position).
 */
public final class TextFingerprints {

    private final Entries passages;
    private final Entries words;

    TextFingerprints(Entries passages, Entries words) {
        this.passages = passages;
        this.words = words;
    }

    /** How many fingerprints (winnowed k-grams) the text has. */
    public int count() {
        return passages.count;
    }

    public long hash(int index) {
        return passages.hashes[passages.checked(index)];
    }

    public int position(int index) {
        return passages.positions[passages.checked(index)];
    }

    public int start(int index) {
        return passages.starts[passages.checked(index)];
    }

    public int end(int index) {
        return passages.ends[passages.checked(index)];
    }

    /** The distinct fingerprint hashes, ascending. */
    public long[] distinctHashes() {
        long[] sorted = Arrays.copyOf(passages.hashes, passages.count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** How many distinct words the text has (none outside word mode). */
    public int wordCount() {
        return words.count;
    }

    /** The hash of the text's {@code index}-th distinct word, in order of first occurrence. */
    public long wordHash(int index) {
        return words.hashes[words.checked(index)];
    }

    /** Both kinds of entry, as the store files them. */
    public List<Fingerprint> toStored() {
        List<Fingerprint> stored = new ArrayList<>(passages.count + words.count);
        passages.addTo(stored, Kind.PASSAGE);
        words.addTo(stored, Kind.WORD);
        return stored;
    }

    /** Parallel arrays of one kind of entry; only the first {@code count} count. */
    record Entries(int count, long[] hashes, int[] positions, int[] starts, int[] ends) {

        static final Entries NONE = new Entries(0, new long[0], new int[0], new int[0], new int[0]);

        int checked(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("entry " + index + " of " + count);
            }
            return index;
        }

        void addTo(List<Fingerprint> stored, Kind kind) {
            for (int i = 0; i < count; i++) {
                stored.add(new Fingerprint(kind, hashes[i], positions[i], starts[i], ends[i]));
            }
        }
    }
}
