package org.margin.privacy.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Local mode's keysets: one file per version, {@code NAME/VERSION.keyset} under a directory that every local
 * instance shares. A version is published by a hard link, which fails if the file exists, so two writers of one
 * version cannot both succeed and no reader sees half a file.
 */
public final class FileKeysetRepository implements KeysetRepository {

    private static final String SUFFIX = ".keyset";

    private final Path directory;

    public FileKeysetRepository(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<StoredKeyset> latest(String name) {
        OptionalLong version = latestVersion(name);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredKeyset(name, version.getAsLong(),
                    Files.readAllBytes(file(name, version.getAsLong()))));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read keyset " + name, failure);
        }
    }

    @Override
    public OptionalLong latestVersion(String name) {
        Path folder = directory.resolve(name);
        if (!Files.isDirectory(folder)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.matches("\\d+" + "\\" + SUFFIX))
                    .mapToLong(file -> Long.parseLong(file.substring(0, file.length() - SUFFIX.length())))
                    .max();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not list keyset " + name, failure);
        }
    }

    @Override
    public void append(StoredKeyset keyset) {
        try {
            Path folder = Files.createDirectories(directory.resolve(keyset.name()));
            Path draft = Files.createTempFile(folder, "draft", ".tmp");
            try {
                Files.write(draft, keyset.encrypted());
                Files.createLink(file(keyset.name(), keyset.version()), draft);
            } catch (FileAlreadyExistsException taken) {
                throw new KeysetVersionConflictException(keyset.name(), keyset.version());
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write keyset " + keyset.name(), failure);
        }
    }

    private Path file(String name, long version) {
        return directory.resolve(name).resolve(version + SUFFIX);
    }
}
