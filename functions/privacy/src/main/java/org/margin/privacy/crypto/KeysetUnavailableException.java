package org.margin.privacy.crypto;

/**
 * A keyset could not be had: none was created for the purpose yet, the repository could not be read, or the
 * key-encryption key refused to unwrap it. Carries no key material.
 */
public final class KeysetUnavailableException extends RuntimeException {

    public KeysetUnavailableException(String message) {
        super(message);
    }

    public KeysetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
