package org.margin.grid.support;

import java.time.Duration;
import java.util.UUID;

import org.margin.grid.Grid;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.member.LocalGrid;

import com.hazelcast.client.config.ClientConfig;

/** Members and function-instance grids on loopback, configured from hazelcast-config/ like production. */
public final class TestGrids {

    public static final byte[] PSEUDONYM_KEY = "a test key of thirty-two bytes or more".getBytes();

    private TestGrids() {
    }

    /** {@code count} members of a cluster of their own. */
    public static LocalGrid members(int count) {
        return LocalGrid.start("margin-test-" + UUID.randomUUID(), FreePorts.base(count), count);
    }

    /** The client configuration of client-local.yaml, pointed at {@code members}. */
    public static ClientConfig clientOf(LocalGrid members) {
        ClientConfig config = GridConfigs.client(GridProfile.LOCAL);
        config.setClusterName(members.clusterName());
        config.setInstanceName("client-" + UUID.randomUUID());
        config.getNetworkConfig().setAddresses(members.addresses());
        return config;
    }

    /** A function instance's grid on {@code members}, with production's lease and a quick breaker. */
    public static Grid.Builder instanceOf(LocalGrid members) {
        return Grid.builder()
                .clientConfig(clientOf(members))
                .pseudonymKey(PSEUDONYM_KEY)
                .breakerDelay(Duration.ofMillis(500));
    }

    /** A function instance's grid on the first of {@code members} itself, as the launcher's functions use theirs. */
    public static Grid.Builder inProcessOf(LocalGrid members) {
        return Grid.builder()
                .inProcess(members.clusterName())
                .pseudonymKey(PSEUDONYM_KEY)
                .breakerDelay(Duration.ofMillis(500));
    }

    /**
     * Waits until {@code grid} holds its lease, connecting it first. A registration takes about a second; the wait
     * leaves room for a saturated 2-core machine.
     */
    public static Grid trusted(Grid grid) {
        grid.connect();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!grid.trusted()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the grid client did not connect and register within 30 s");
            }
            sleep(20);
        }
        return grid;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
