package org.margin.privacy.crypto;

/**
 * A ciphertext did not open: it was altered, belongs to another context (row, column, tenant, grid key), or was
 * made with a key this keyring does not hold or has disabled. Carries no value and no key material.
 */
public final class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message) {
        super(message);
    }
}
