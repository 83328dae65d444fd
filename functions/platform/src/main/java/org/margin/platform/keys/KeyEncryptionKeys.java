package org.margin.platform.keys;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.margin.privacy.crypto.kms.CloudKms;
import org.margin.privacy.crypto.kms.KeyEncryptionKey;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;

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

    /** @throws IllegalArgumentException naming the variable, when it is missing on Knative */
    public static KeyEncryptionKey fromEnvironment(Map<String, String> env) {
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
}
