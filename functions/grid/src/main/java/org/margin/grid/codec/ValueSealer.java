package org.margin.grid.codec;

/** The sealing half of a {@link ValueCodec}: see {@link ValueCodec#seal}. */
@FunctionalInterface
public interface ValueSealer {

    byte[] seal(byte[] plain, byte[] context);
}
