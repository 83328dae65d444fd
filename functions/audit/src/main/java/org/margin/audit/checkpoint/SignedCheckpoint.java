package org.margin.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.margin.store.audit.AuditCheckpointRow;
import org.margin.store.tenant.TenantId;

/**
 * The bytes a checkpoint's signature covers, one field per line in US-ASCII:
 * {@code margin-audit-checkpoint/1}, the chain's tenant id, the tree size, the root hash in lower-case hex and the
 * signing time in microseconds since the epoch, each followed by a line feed. The tenant is in it so that a checkpoint
 * cannot be moved to another chain.
 */
final class SignedCheckpoint {

    private SignedCheckpoint() {
    }

    static byte[] bytes(TenantId tenant, AuditCheckpointRow checkpoint) {
        long micros = Math.addExact(Math.multiplyExact(checkpoint.signedAt().getEpochSecond(), 1_000_000L),
                checkpoint.signedAt().getNano() / 1_000);
        return ("margin-audit-checkpoint/1\n" + tenant + "\n" + checkpoint.treeSize() + "\n"
                + HexFormat.of().formatHex(checkpoint.rootHash()) + "\n" + micros + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
