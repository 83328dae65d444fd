package org.margin.privacy.crypto;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * Tink's ciphertext prefix: byte 0x01, then the 4-byte id of the key that encrypted it. It names the key without
 * decrypting, which is how rows still under an old key are counted.
 */
public final class KeyIds {

    /** Length of the prefix every ciphertext of this module starts with. */
    public static final int PREFIX_LENGTH = 5;

    private static final byte TINK_PREFIX = 0x01;

    private KeyIds() {
    }

    /** The 5 bytes that start every ciphertext made with key {@code keyId}. */
    public static byte[] prefix(int keyId) {
        return ByteBuffer.allocate(PREFIX_LENGTH).put(TINK_PREFIX).putInt(keyId).array();
    }

    /** The id of the key that made {@code ciphertext}, if it carries Tink's prefix. */
    public static OptionalInt keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < PREFIX_LENGTH || ciphertext[0] != TINK_PREFIX) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }

    /** A key id as the unsigned number Tink shows. */
    public static long unsigned(int keyId) {
        return Integer.toUnsignedLong(keyId);
    }
}
