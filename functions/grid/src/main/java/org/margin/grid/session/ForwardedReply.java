package org.margin.grid.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A client's reply on its way to the instance waiting for it: the reply's pseudonymous key and the sealed reply. */
record ForwardedReply(String key, byte[] sealedReply) {

    static byte[] encode(String key, byte[] sealedReply) {
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(Integer.BYTES + keyBytes.length + sealedReply.length)
                .putInt(keyBytes.length).put(keyBytes).put(sealedReply).array();
    }

    static ForwardedReply decode(byte[] message) {
        ByteBuffer buffer = ByteBuffer.wrap(message);
        byte[] keyBytes = new byte[buffer.getInt()];
        buffer.get(keyBytes);
        byte[] sealedReply = new byte[buffer.remaining()];
        buffer.get(sealedReply);
        return new ForwardedReply(new String(keyBytes, StandardCharsets.US_ASCII), sealedReply);
    }
}
