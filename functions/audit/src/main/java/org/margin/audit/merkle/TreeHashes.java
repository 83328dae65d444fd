package org.margin.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 section 2.1.1 hashing with SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, a node
 * {@code SHA-256(0x01 || left || right)}; and the audit log's chain link {@code SHA-256(previous || leaf)}.
 * One digest per thread, reused: hashing a million entries must not allocate a million digests.
 */
public final class TreeHashes {

    public static final int SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every JDK has SHA-256", absent);
        }
    });

    private TreeHashes() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = SHA_256.get();
        digest.update((byte) 0x00);
        return digest.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = SHA_256.get();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** The chain hash of an entry whose leaf hash is {@code leaf}, after the entry whose chain hash is {@code previous}. */
    public static byte[] chain(byte[] previous, byte[] leaf) {
        MessageDigest digest = SHA_256.get();
        digest.update(previous);
        return digest.digest(leaf);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return SHA_256.get().digest(new byte[0]);
    }
}
