package org.margin.grid.codec;

/** A codec made of two functions, so that a module the grid does not know can supply them as method references. */
record FunctionCodec(ValueSealer sealer, ValueOpener opener) implements ValueCodec {

    @Override
    public byte[] seal(byte[] plain, byte[] context) {
        return sealer.seal(plain, context);
    }

    @Override
    public byte[] open(byte[] sealed, byte[] context) {
        return opener.open(sealed, context);
    }
}
