package org.margin.store.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tenant's audit chain as stored: its place, when it was committed, its canonical bytes and its chain
 * hash. The store neither reads the bytes nor computes the hash; the audit module does both.
 */
public record AuditEntryRow(long seq, Instant recordedAt, byte[] payload, byte[] chainHash) {

    public AuditEntryRow {
        if (seq < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
        if (chainHash == null || chainHash.length != 32) {
            throw new IllegalArgumentException("a chain hash is 32 bytes");
        }
    }
}
