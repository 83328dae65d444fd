package org.margin.grid.member;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Grid members on loopback, in this process: one for the launcher ({@link #start()}), or a few for tests. Each
 * member loads member-local.yaml; a cluster of several turns TCP-IP join on for its own loopback ports, so that
 * concurrent runs with other cluster names and ports never meet.
 */
public final class LocalGrid implements AutoCloseable {

    /** The cluster and port of member-local.yaml, which client-local.yaml connects to. */
    public static final String DEFAULT_CLUSTER = "margin-local";
    public static final int DEFAULT_PORT = 5701;

    private final String clusterName;
    private final int basePort;
    private final List<HazelcastInstance> members = new ArrayList<>();

    private LocalGrid(String clusterName, int basePort) {
        this.clusterName = clusterName;
        this.basePort = basePort;
    }

    /** The launcher's grid: one member on 127.0.0.1:5701, found by client-local.yaml. Starts in about a second. */
    public static LocalGrid start() {
        return start(DEFAULT_CLUSTER, DEFAULT_PORT, 1);
    }

    /** {@code count} members of {@code clusterName} on loopback ports {@code basePort}, {@code basePort + 1}... */
    public static LocalGrid start(String clusterName, int basePort, int count) {
        LocalGrid grid = new LocalGrid(clusterName, basePort);
        try {
            IntStream.range(0, count).parallel().forEach(index -> grid.startMember(index, count));
        } catch (RuntimeException failed) {
            grid.close();
            throw failed;
        }
        return grid;
    }

    private void startMember(int index, int count) {
        Config config = GridConfigs.member(GridProfile.LOCAL);
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-member-" + index);
        config.getNetworkConfig().setPort(basePort + index).setPortAutoIncrement(false);
        if (count > 1) {
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getTcpIpConfig().setEnabled(true).setMembers(
                    IntStream.range(0, count).mapToObj(peer -> "127.0.0.1:" + (basePort + peer)).toList());
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        synchronized (members) {
            members.add(member);
        }
    }

    public String clusterName() {
        return clusterName;
    }

    /** The addresses a client lists to reach these members. */
    public List<String> addresses() {
        synchronized (members) {
            return IntStream.range(0, members.size()).mapToObj(index -> "127.0.0.1:" + (basePort + index)).toList();
        }
    }

    /** The members still running, for tests that stop or kill one. */
    public List<HazelcastInstance> members() {
        synchronized (members) {
            return members.stream().filter(member -> member.getLifecycleService().isRunning()).toList();
        }
    }

    /** Ends every member at once, as a crash would; nothing is migrated. */
    public void terminate() {
        members().forEach(member -> member.getLifecycleService().terminate());
    }

    /**
     * Ends the local grid. Its data goes with it, so the members are terminated rather than shut down gracefully:
     * a graceful shutdown of every member at once only migrates partitions between members that are leaving.
     */
    @Override
    public void close() {
        terminate();
    }
}
