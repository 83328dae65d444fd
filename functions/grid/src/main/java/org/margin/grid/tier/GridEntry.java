package org.margin.grid.tier;

import java.util.Arrays;

/**
 * What the grid's map holds under a key: a sealed value, or a tombstone, left where the store may hold a value the
 * grid does not know (the store failed mid-write, or the grid missed a write). A tombstone is unique per write, so
 * a reader that loaded from the store after seeing it replaces exactly that tombstone and no later entry. A settled
 * tombstone is one whose burial every instance acknowledged: while it stays in place, no near cache holds a value
 * of its key.
 */
sealed interface GridEntry {

    byte VALUE = 1;
    byte TOMBSTONE = 0;
    byte SETTLED_TOMBSTONE = 2;

    /** The bytes stored in the grid. */
    byte[] bytes();

    record Value(byte[] bytes) implements GridEntry {

        static Value wrap(byte[] sealed) {
            byte[] bytes = new byte[sealed.length + 1];
            bytes[0] = VALUE;
            System.arraycopy(sealed, 0, bytes, 1, sealed.length);
            return new Value(bytes);
        }

        byte[] sealed() {
            return Arrays.copyOfRange(bytes, 1, bytes.length);
        }
    }

    record Tombstone(byte[] bytes) implements GridEntry {

        static Tombstone of(byte[] writeId) {
            byte[] bytes = new byte[writeId.length + 1];
            bytes[0] = TOMBSTONE;
            System.arraycopy(writeId, 0, bytes, 1, writeId.length);
            return new Tombstone(bytes);
        }

        /** The same write's tombstone, once every instance has dropped what it buried. */
        Tombstone settled() {
            byte[] settled = bytes.clone();
            settled[0] = SETTLED_TOMBSTONE;
            return new Tombstone(settled);
        }

        boolean isSettled() {
            return bytes.length > 0 && bytes[0] == SETTLED_TOMBSTONE;
        }
    }

    /** Reads what the grid returned; null stays null. */
    static GridEntry of(byte[] stored) {
        if (stored == null) {
            return null;
        }
        return stored.length > 0 && stored[0] == VALUE ? new Value(stored) : new Tombstone(stored);
    }
}
