package org.margin.privacy.crypto.kms;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.margin.privacy.crypto.KeysetUnavailableException;

/**
 * Local mode's key-encryption key: a Tink AES-256-GCM keyset in clear JSON in a file ({@code kek.json}, mode 600),
 * created on first start. Anyone who can read the file can read every keyset it wraps, so it is for a developer's
 * machine only, and says so loudly in the log whenever it is opened.
 */
public final class LocalKeyEncryptionKey implements KeyEncryptionKey {

    /** The file's name inside the directory given to {@link #openOrCreate}. */
    public static final String FILE_NAME = "kek.json";

    private static final System.Logger LOG = System.getLogger(LocalKeyEncryptionKey.class.getName());

    private final Aead aead;
    private final String uri;

    private LocalKeyEncryptionKey(Aead aead, String uri) {
        this.aead = aead;
        this.uri = uri;
    }

    /** Reads {@code directory/kek.json}, creating the directory and a new key first when there is none. */
    public static LocalKeyEncryptionKey openOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            AeadConfig.register();
            boolean created = false;
            if (!Files.exists(file)) {
                created = create(directory, file);
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            LOG.log(System.Logger.Level.WARNING, (created ? "Created" : "Using")
                    + " a LOCAL, UNPROTECTED key-encryption key in " + file.getFileName()
                    + " under the configured key directory: local mode only, NEVER for production (use a KMS)");
            return new LocalKeyEncryptionKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    "local:" + FILE_NAME);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read or create the local key-encryption key", failure);
        } catch (GeneralSecurityException failure) {
            throw new KeysetUnavailableException("the local key-encryption key file is not a valid keyset", failure);
        }
    }

    private static boolean create(Path directory, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        Path draft = Files.createTempFile(directory, "kek", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            // A link fails if the file exists: two instances starting at once keep the first key, not the last.
            Files.createLink(file, draft);
            return true;
        } catch (FileAlreadyExistsException another) {
            return false;
        } finally {
            Files.deleteIfExists(draft);
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
