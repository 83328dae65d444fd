package org.margin.privacy.crypto;

/** A keyset version was stored by someone else first: read the keyset again and redo the change. */
public final class KeysetVersionConflictException extends RuntimeException {

    public KeysetVersionConflictException(String name, long version) {
        super("keyset " + name + " already has version " + version);
    }
}
