package org.margin.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash of a growing list of leaves without keeping the leaves: the roots of the maximal complete
 * subtrees that cover leaves {@code [0, size)}, largest first (at most 64). Appending costs one leaf plus the merges
 * it completes; the root folds them right to left, which is RFC 9162's MTH (split at the largest power of two
 * smaller than the size).
 */
public final class CompactRange {

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<Long> widths = new ArrayList<>();
    private long size;

    /**
     * The range of a tree of {@code size} leaves from its subtree roots, largest first: one per set bit of the size,
     * as {@link #nodes()} gives them (an audit anchor keeps them so verification can go on after pruning).
     */
    public static CompactRange of(long size, List<byte[]> nodes) {
        if (size < 0 || nodes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a compact range has one subtree root per set bit of its size");
        }
        CompactRange range = new CompactRange();
        long rest = size;
        for (byte[] node : nodes) {
            if (node.length != TreeHashes.SIZE) {
                throw new IllegalArgumentException("a subtree root is 32 bytes");
            }
            long width = Long.highestOneBit(rest);
            range.nodes.add(node.clone());
            range.widths.add(width);
            rest -= width;
        }
        range.size = size;
        return range;
    }

    /** The subtree roots, largest first. */
    public List<byte[]> nodes() {
        return nodes.stream().map(byte[]::clone).toList();
    }

    public void append(byte[] leafHash) {
        byte[] node = leafHash;
        long width = 1;
        while (!widths.isEmpty() && widths.getLast() == width) {
            node = TreeHashes.node(nodes.removeLast(), node);
            width += widths.removeLast();
        }
        nodes.add(node);
        widths.add(width);
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (nodes.isEmpty()) {
            return TreeHashes.emptyRoot();
        }
        byte[] root = nodes.getLast();
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = TreeHashes.node(nodes.get(i), root);
        }
        return root;
    }

    /** The hash of the complete subtree that starts at leaf {@code start}, one of this range's nodes. */
    byte[] node(long start, long width) {
        long at = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (at == start && widths.get(i) == width) {
                return nodes.get(i);
            }
            at += widths.get(i);
        }
        throw new IllegalArgumentException("no complete subtree [" + start + ", " + (start + width) + ") here");
    }

    /** A copy that grows on its own. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.nodes.addAll(nodes);
        copy.widths.addAll(widths);
        copy.size = size;
        return copy;
    }
}
