package org.margin.grid.codec;

import java.util.Objects;

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

    /**
     * A codec from two functions, e.g. {@code ValueCodec.of(keyring::sealGridValue, keyring::openGridValue)}: the
     * grid depends on no encryption library, the caller brings one.
     */
    static ValueCodec of(ValueSealer sealer, ValueOpener opener) {
        return new FunctionCodec(Objects.requireNonNull(sealer, "sealer"),
                Objects.requireNonNull(opener, "opener"));
    }

    /** Stores values as they are, until the privacy work supplies encryption. */
    static ValueCodec identity() {
        return IdentityCodec.INSTANCE;
    }
}
