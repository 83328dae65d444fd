package org.margin.privacy.crypto.kms;

import com.google.crypto.tink.Aead;

/**
 * The key-encryption key (KEK) that wraps every keyset before it is stored: a key in a KMS in production, a local
 * file in local mode. Only keyset loads and changes use it, never a field's encryption.
 */
public interface KeyEncryptionKey {

    /** The AEAD that wraps and unwraps keysets; may call a remote KMS on every use. */
    Aead aead();

    /** Names the key (a KMS key URI, or {@code local:} and a file name) for logs and audit; never secret. */
    String uri();
}
