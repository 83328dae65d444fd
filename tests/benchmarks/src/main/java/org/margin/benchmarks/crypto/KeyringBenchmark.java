package org.margin.benchmarks.crypto;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.margin.privacy.crypto.FileKeysetRepository;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.RowContext;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.KeyManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The keyring of a warm function instance: a 4 KB field encrypted and decrypted with the row AEAD (AES-256-GCM,
 * row context as associated data), and getting a purpose's primitive from the keyring. Keys come from local-mode
 * files; after the first call nothing is read or unwrapped again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyringBenchmark {

    private Path directory;
    private Keyring keyring;
    private RowContext row;
    private byte[] field;

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("margin-keyring-bench");
        Keysets keysets = new Keysets(new FileKeysetRepository(directory.resolve("keysets")),
                LocalKeyEncryptionKey.openOrCreate(directory.resolve("kek")), entry -> { }, "benchmark");
        new KeyManager(keysets).createKeyset("benchmark", KeyPurpose.ROW);
        keyring = Keyring.create(keysets, Duration.ofSeconds(10));
        row = new RowContext(UUID.randomUUID(), "submissions", "body", UUID.randomUUID());
        field = new byte[4096];
        new SplittableRandom(7).nextBytes(field);
        if (!Arrays.equals(keyring.decrypt(row, keyring.encrypt(row, field)), field)) {
            throw new IllegalStateException("the field did not round-trip");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        keyring.close();
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Encrypt then decrypt one 4 KB field (target p99 ≤ 50 µs). */
    @Benchmark
    public byte[] encryptDecrypt4k() {
        return keyring.decrypt(row, keyring.encrypt(row, field));
    }

    /** Get the row AEAD from the keyring (target ≤ 5 µs). */
    @Benchmark
    public Aead keyLookup() {
        return keyring.aead(KeyPurpose.ROW);
    }
}
