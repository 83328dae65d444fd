package org.margin.store;

import java.util.Arrays;

/**
 * Bytes the store keeps without reading them: text and identifying fields that the privacy module encrypts before
 * they arrive. Copied on the way in and out so that no caller can change what another one holds.
 */
public record Opaque(byte[] bytes) {

    public Opaque {
        bytes = bytes.clone();
    }

    public static Opaque of(byte[] bytes) {
        return new Opaque(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Opaque that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Shows the length only: the content may be identifying. */
    @Override
    public String toString() {
        return "Opaque[" + bytes.length + " bytes]";
    }
}
