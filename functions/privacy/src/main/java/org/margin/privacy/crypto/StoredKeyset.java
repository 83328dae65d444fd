package org.margin.privacy.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of a keyset as stored: the keyset encrypted by the key-encryption key. Never holds key material in
 * the clear; {@link #toString()} shows name, version and length only.
 */
public record StoredKeyset(String name, long version, byte[] encrypted) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    public StoredKeyset {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a keyset name is lower-case letters, digits, '-' and '_'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("keyset versions start at 1");
        }
        encrypted = Objects.requireNonNull(encrypted, "encrypted").clone();
    }

    @Override
    public byte[] encrypted() {
        return encrypted.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredKeyset that && name.equals(that.name) && version == that.version
                && java.util.Arrays.equals(encrypted, that.encrypted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, java.util.Arrays.hashCode(encrypted));
    }

    @Override
    public String toString() {
        return "StoredKeyset[" + name + " v" + version + ", " + encrypted.length + " bytes]";
    }
}
