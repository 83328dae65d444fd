package org.margin.store.audit;

import java.time.Instant;
import java.util.Objects;

/** A signed checkpoint of a tenant's audit chain: the Merkle root of its first {@code treeSize} entries. */
public record AuditCheckpointRow(long treeSize, byte[] rootHash, byte[] signature, long keyId, Instant signedAt) {

    public AuditCheckpointRow {
        if (treeSize < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least one entry");
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
