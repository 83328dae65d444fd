package org.margin.audit.merkle;

import java.util.Arrays;

/**
 * Leaf hashes of consecutive leaves from {@code first} on, packed 32 bytes apiece in one growing array (a million
 * leaves take 32 MB, not a million objects), with the tree hash of any range of them.
 */
public final class LeafHashes {

    private final long first;
    private byte[] packed = new byte[TreeHashes.SIZE * 1024];
    private int count;

    public LeafHashes(long first) {
        this.first = first;
    }

    public void add(byte[] leafHash) {
        if ((count + 1) * TreeHashes.SIZE > packed.length) {
            packed = Arrays.copyOf(packed, packed.length * 2);
        }
        System.arraycopy(leafHash, 0, packed, count * TreeHashes.SIZE, TreeHashes.SIZE);
        count++;
    }

    public long first() {
        return first;
    }

    public long end() {
        return first + count;
    }

    /** RFC 9162 MTH of leaves {@code [start, end)}, which must lie within those held. */
    public byte[] hash(long start, long end) {
        if (start < first || end > end() || start >= end) {
            throw new IllegalArgumentException("leaves [" + start + ", " + end + ") are not held");
        }
        if (end - start == 1) {
            int at = (int) (start - first) * TreeHashes.SIZE;
            return Arrays.copyOfRange(packed, at, at + TreeHashes.SIZE);
        }
        long split = start + Long.highestOneBit(end - start - 1);
        return TreeHashes.node(hash(start, split), hash(split, end));
    }
}
