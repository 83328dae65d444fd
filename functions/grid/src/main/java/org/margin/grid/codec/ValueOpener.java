package org.margin.grid.codec;

/** The opening half of a {@link ValueCodec}: see {@link ValueCodec#open}. */
@FunctionalInterface
public interface ValueOpener {

    byte[] open(byte[] sealed, byte[] context);
}
