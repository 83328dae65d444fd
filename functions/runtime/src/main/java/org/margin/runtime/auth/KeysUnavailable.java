package org.margin.runtime.auth;

/** The authorization server's signing keys could not be fetched: not the token's fault, so worth a retry. */
public final class KeysUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    public KeysUnavailable() {
        super("the signing keys could not be fetched", null, false, false);
    }
}
