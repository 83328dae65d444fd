package org.margin.audit.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 consistency proofs (sections 2.1.4.1 and 2.1.4.2): that the tree of the first {@code m} leaves is a
 * prefix of the tree of the first {@code n}.
 *
 * <p>Every hash a proof takes from inside the old tree is a node of the old tree's {@link CompactRange}, and every
 * other one covers leaves at or after {@code m} only; so {@link #prove(long, long, CompactRange, LeafHashes)} needs
 * the old compact range and the leaves since {@code m}, never the whole log.
 */
public final class ConsistencyProofs {

    private ConsistencyProofs() {
    }

    /** The proof from size {@code m} to size {@code n}, {@code 0 < m <= n}, given the tree hash of any range. */
    public static List<byte[]> prove(long m, long n, SubtreeHashes tree) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("a consistency proof needs 0 < m <= n");
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(m, 0, n, true, tree, proof);
        return proof;
    }

    /** The proof from {@code old.size()} to {@code leaves.end()}, where {@code leaves} starts at {@code old.size()}. */
    public static List<byte[]> prove(long m, long n, CompactRange old, LeafHashes leaves) {
        if (old.size() != m || leaves.first() != m || leaves.end() < n) {
            throw new IllegalArgumentException("the old range must end, and the leaves start, at m");
        }
        return prove(m, n, (start, end) -> end <= m ? old.node(start, end - start) : leaves.hash(start, end));
    }

    private static void subproof(long m, long start, long end, boolean complete, SubtreeHashes tree,
                                 List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(tree.hash(start, end));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, start + k, complete, tree, proof);
            proof.add(tree.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, tree, proof);
            proof.add(tree.hash(start, start + k));
        }
    }

    /** Whether {@code proof} shows the tree of root {@code firstRoot} and size {@code m} is a prefix of the other. */
    public static boolean verify(long m, long n, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (m < 1 || m > n) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.addFirst(firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHashes.node(c, fr);
                sr = TreeHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
