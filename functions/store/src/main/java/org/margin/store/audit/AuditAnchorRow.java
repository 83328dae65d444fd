package org.margin.store.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a pruned chain now starts: the signed checkpoint it was pruned at, the chain hash of that checkpoint's last
 * entry, and the compact range of its tree (the roots of the maximal complete subtrees, largest first, 32 bytes
 * each), from which the roots of later checkpoints are computed.
 */
public record AuditAnchorRow(AuditCheckpointRow checkpoint, byte[] chainHash, List<byte[]> compactRange) {

    private static final int HASH = 32;

    public AuditAnchorRow {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (chainHash == null || chainHash.length != HASH) {
            throw new IllegalArgumentException("a chain hash is 32 bytes");
        }
        compactRange = List.copyOf(compactRange);
    }

    public long treeSize() {
        return checkpoint.treeSize();
    }

    static List<byte[]> split(byte[] packed) {
        if (packed.length % HASH != 0) {
            throw new IllegalArgumentException("a compact range is whole 32-byte hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int at = 0; at < packed.length; at += HASH) {
            hashes.add(Arrays.copyOfRange(packed, at, at + HASH));
        }
        return hashes;
    }

    static byte[] join(List<byte[]> hashes) {
        byte[] packed = new byte[hashes.size() * HASH];
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i).length != HASH) {
                throw new IllegalArgumentException("a compact range is whole 32-byte hashes");
            }
            System.arraycopy(hashes.get(i), 0, packed, i * HASH, HASH);
        }
        return packed;
    }
}
