package org.margin.store.audit;

/**
 * The last entry of a tenant's audit chain: its sequence number and chain hash, or {@link #EMPTY} (sequence 0 and
 * 32 zero bytes, the first entry's predecessor).
 */
public record ChainHead(long seq, byte[] chainHash) {

    public static final ChainHead EMPTY = new ChainHead(0, new byte[32]);

    public ChainHead {
        if (seq < 0 || chainHash == null || chainHash.length != 32) {
            throw new IllegalArgumentException("a chain head is a sequence number and a 32-byte hash");
        }
    }
}
