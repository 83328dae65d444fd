package org.margin.privacy.crypto.kms;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import java.security.GeneralSecurityException;
import java.util.Objects;
import org.margin.privacy.crypto.KeysetUnavailableException;

/**
 * A key-encryption key held by a KMS, reached through any Tink {@link KmsClient} (Google Cloud KMS, AWS KMS, or a
 * client of one's own). The key never leaves the KMS: every wrap and unwrap is a call to it.
 */
public final class KmsKeyEncryptionKey implements KeyEncryptionKey {

    private final String uri;
    private final Aead aead;

    /**
     * @param client a client that {@linkplain KmsClient#doesSupport supports} {@code keyUri}
     * @param keyUri the key, e.g. {@code gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k}
     */
    public KmsKeyEncryptionKey(KmsClient client, String keyUri) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(keyUri, "keyUri");
        if (!client.doesSupport(keyUri)) {
            throw new IllegalArgumentException("the KMS client does not support this key URI");
        }
        this.uri = keyUri;
        try {
            this.aead = client.getAead(keyUri);
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("the KMS client could not provide the key-encryption key", failure);
        }
    }

    @Override
    public Aead aead() {
        return aead;
    }

    @Override
    public String uri() {
        return uri;
    }
}
