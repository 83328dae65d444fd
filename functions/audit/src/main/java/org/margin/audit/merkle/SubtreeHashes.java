package org.margin.audit.merkle;

/** The Merkle tree hash of leaves {@code [start, end)}, however the caller keeps them. */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(long start, long end);
}
