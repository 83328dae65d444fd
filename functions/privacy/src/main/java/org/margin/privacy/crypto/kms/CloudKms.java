package org.margin.privacy.crypto.kms;

import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.integration.awskms.AwsKmsClient;
import com.google.crypto.tink.integration.gcpkms.GcpKmsClient;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.margin.privacy.crypto.KeysetUnavailableException;

/**
 * The production key-encryption key from a configured key URI: {@code gcp-kms://...} through Tink's Google Cloud
 * KMS client, {@code aws-kms://...} through its AWS KMS client. Each client is registered with {@link KmsClients}
 * for exactly that URI. The client libraries are optional dependencies of this module: a deployment adds
 * {@code com.google.crypto.tink:tink-gcpkms} or {@code tink-awskms} to its function.
 */
public final class CloudKms {

    private CloudKms() {
    }

    /**
     * @param keyUri          the KEK's URI
     * @param credentialsPath a credentials file; empty for the platform's default credentials (workload identity)
     */
    public static KeyEncryptionKey keyEncryptionKey(String keyUri, Optional<String> credentialsPath) {
        try {
            if (keyUri.startsWith("gcp-kms://")) {
                GcpKmsClient.register(Optional.of(keyUri), credentialsPath);
            } else if (keyUri.startsWith("aws-kms://")) {
                AwsKmsClient.register(Optional.of(keyUri), credentialsPath);
            } else {
                throw new IllegalArgumentException("a KMS key URI starts with gcp-kms:// or aws-kms://");
            }
            return new KmsKeyEncryptionKey(KmsClients.get(keyUri), keyUri);
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("could not set up the KMS client for the key-encryption key",
                    failure);
        }
    }
}
