package org.margin.grid.codec;

/**
 * How a value's bytes are sealed before they leave the process for the grid, and opened when they come back.
 * The privacy work plugs authenticated encryption in here (e.g. Tink AEAD) without changing any caller;
 * {@code context} is the entry's pseudonymous key, to be bound as associated data so that a sealed value cannot
 * be moved to another key unnoticed.
 */
public interface ValueCodec {

    /** Seals {@code plain} for storage under {@code context}. Must not return {@code plain} itself. */
    byte[] seal(byte[] plain, byte[] context);

    /** Opens what {@link #seal} returned for the same {@code context}; fails if it was tampered with. */
    byte[] open(byte[] sealed, byte[] context);

    /** Stores values as they are, until the privacy work supplies encryption. */
    static ValueCodec identity() {
        return IdentityCodec.INSTANCE;
    }
}
