package org.margin.platform.keys;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.margin.privacy.crypto.kms.CloudKms;
import org.margin.privacy.crypto.kms.KeyEncryptionKey;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;

import com.google.crypto.tink.Aead;

/**
 * The key-encryption key of {@code env}: a KMS key ({@code MARGIN_KEK_URI}, {@code gcp-kms://…} or
 * {@code aws-kms://…}, with optional {@code MARGIN_KEK_CREDENTIALS}) in production; locally, a key file in
 * {@code MARGIN_KEK_DIR} (default {@code .margin/keys}), created on first use with a warning. On Knative a KMS key
 * is required: a key file in a container would die with it, and with it every student's data.
 */
public final class KeyEncryptionKeys {

    public static final String URI = "MARGIN_KEK_URI";
    public static final String CREDENTIALS = "MARGIN_KEK_CREDENTIALS";
    public static final String DIRECTORY = "MARGIN_KEK_DIR";

    private KeyEncryptionKeys() {
    }

    /**
     * The key, opened on its first use (the first keyset load, never a cold start): a KMS client or a key file
     * costs time that a function serving requests that need no key should not pay.
     *
     * @throws IllegalArgumentException naming the variable, when it is missing on Knative
     */
    public static KeyEncryptionKey fromEnvironment(Map<String, String> env) {
        String uri = env.get(URI);
        if ((uri == null || uri.isBlank()) && env.containsKey("K_SERVICE")) {
            throw new IllegalArgumentException(URI + " is required on Knative (a KMS key)");
        }
        return new Lazy(() -> open(env));
    }

    private static KeyEncryptionKey open(Map<String, String> env) {
        String uri = env.get(URI);
        if (uri != null && !uri.isBlank()) {
            return CloudKms.keyEncryptionKey(uri.strip(),
                    Optional.ofNullable(env.get(CREDENTIALS)).filter(path -> !path.isBlank()));
        }
        if (env.containsKey("K_SERVICE")) {
            throw new IllegalArgumentException(URI + " is required on Knative (a KMS key)");
        }
        return LocalKeyEncryptionKey.openOrCreate(Path.of(env.getOrDefault(DIRECTORY, ".margin/keys")));
    }

    /** A key opened once, on first use, by whichever thread needs it first. */
    private static final class Lazy implements KeyEncryptionKey {
        private final Supplier<KeyEncryptionKey> opener;
        private volatile KeyEncryptionKey opened;

        Lazy(Supplier<KeyEncryptionKey> opener) {
            this.opener = opener;
        }

        private KeyEncryptionKey key() {
            KeyEncryptionKey key = opened;
            if (key == null) {
                synchronized (this) {
                    key = opened;
                    if (key == null) {
                        key = opener.get();
                        opened = key;
                    }
                }
            }
            return key;
        }

        @Override
        public Aead aead() {
            return key().aead();
        }

        @Override
        public String uri() {
            return key().uri();
        }
    }
}
