package org.margin.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.margin.grid.Grid;
import org.margin.grid.codec.ValueCodec;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.tier.TieredCache;
import org.margin.grid.tier.WriteOutcome;

/** Grid values sealed by the keyring, on a real Hazelcast member: ciphertext on the member, plaintext for callers. */
class GridValueEncryptionTest {

    private static final byte[] PSEUDONYM_KEY = "a test key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "Dear Ms Kowalski, my essay on the river is attached";

    @TempDir
    static Path directory;

    private static LocalGrid members;
    private static Keyring keyring;

    @BeforeAll
    static void startMember() {
        members = LocalGrid.start("margin-crypto-test-" + UUID.randomUUID(), freePort(), 1);
        keyring = LocalKeys.in(directory, "instance-a").withKeysets().keyring();
    }

    @AfterAll
    static void stopMember() {
        keyring.close();
        members.close();
    }

    @Test
    void aCachedValueIsCiphertextOnTheMemberAndPlaintextToEveryInstance() {
        Map<String, byte[]> store = new ConcurrentHashMap<>();
        AtomicInteger loads = new AtomicInteger();
        byte[] essay = SECRET.getBytes(StandardCharsets.UTF_8);
        try (Grid writerInstance = trusted(instance());
             Grid readerInstance = trusted(instance())) {
            TieredCache written = writerInstance.cache("essays", id -> Optional.ofNullable(store.get(id)), store::put);
            assertThat(written.write("student-1", essay)).isInstanceOf(WriteOutcome.Confirmed.class);

            IMap<Object, Object> onMember = members.members().getFirst().getMap(TieredCache.MAP_PREFIX + "essays");
            assertThat(onMember.size()).isEqualTo(1);
            Map.Entry<Object, Object> raw = onMember.entrySet().iterator().next();
            byte[] held = (byte[]) raw.getValue();
            assertThat(indexOf(held, essay)).isEqualTo(-1);
            assertThat(indexOf(held, "Kowalski".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
            // The grid's entry marker, then Tink's prefix naming the grid keyset's primary key.
            assertThat(Arrays.copyOfRange(held, 1, 1 + KeyIds.PREFIX_LENGTH))
                    .isEqualTo(KeyIds.prefix(keyring.primaryKeyId(KeyPurpose.GRID)));
            byte[] sealed = Arrays.copyOfRange(held, 1, held.length);
            byte[] context = ((String) raw.getKey()).getBytes(StandardCharsets.UTF_8);
            assertThat(keyring.openGridValue(sealed, context)).isEqualTo(essay);
            assertThatThrownBy(() -> keyring.openGridValue(sealed, "another-key".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(DecryptionFailedException.class);

            // Another instance, with an empty near cache, reads it from the member and opens it; no store load.
            TieredCache read = readerInstance.cache("essays", id -> {
                loads.incrementAndGet();
                return Optional.ofNullable(store.get(id));
            }, store::put);
            assertThat(read.read("student-1")).hasValueSatisfying(value -> assertThat(value).isEqualTo(essay));
            assertThat(loads).hasValue(0);
        }
    }

    private static Grid instance() {
        ClientConfig config = GridConfigs.client(GridProfile.LOCAL);
        config.setClusterName(members.clusterName());
        config.setInstanceName("client-" + UUID.randomUUID());
        config.getNetworkConfig().setAddresses(members.addresses());
        return Grid.builder()
                .clientConfig(config)
                .pseudonymKey(PSEUDONYM_KEY)
                .codec(ValueCodec.of(keyring::sealGridValue, keyring::openGridValue))
                .build();
    }

    private static Grid trusted(Grid grid) {
        grid.connect();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!grid.trusted()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the grid client did not connect and register within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        return grid;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + (int) (Math.random() * 20_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback port");
    }
}
