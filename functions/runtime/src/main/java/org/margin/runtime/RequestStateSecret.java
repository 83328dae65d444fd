package org.margin.runtime;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The key with which the MCP engine protects the request state it hands to clients. Configured in production
 * (every replica must share it); in local mode one random key per process, so that all functions a local launcher
 * runs in one JVM agree on it.
 */
public final class RequestStateSecret {

    /** Shorter keys are refused: the state is authenticated with an HMAC, which wants at least 256 bits. */
    public static final int MINIMUM_BYTES = 32;

    private final byte[] key;
    private final boolean ephemeral;

    private RequestStateSecret(byte[] key, boolean ephemeral) {
        this.key = key;
        this.ephemeral = ephemeral;
    }

    /** A configured key; {@code key} is copied. */
    public static RequestStateSecret of(byte[] key) {
        if (key.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("the request-state secret must be at least " + MINIMUM_BYTES
                    + " bytes long, it has " + key.length);
        }
        return new RequestStateSecret(key.clone(), false);
    }

    /** This process's random key, created on first use. */
    public static RequestStateSecret perProcess() {
        return PerProcess.SECRET;
    }

    /** A copy of the key. */
    public byte[] bytes() {
        return key.clone();
    }

    /** Whether the key lives only as long as this process (local mode). */
    public boolean ephemeral() {
        return ephemeral;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestStateSecret that && ephemeral == that.ephemeral && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return ephemeral ? "RequestStateSecret[per-process]" : "RequestStateSecret[configured]";
    }

    /** Holder idiom: the key is made once, when first asked for, and never changes. */
    private static final class PerProcess {
        private static final RequestStateSecret SECRET = create();

        private static RequestStateSecret create() {
            byte[] key = new byte[MINIMUM_BYTES];
            new SecureRandom().nextBytes(key);
            return new RequestStateSecret(key, true);
        }
    }
}
