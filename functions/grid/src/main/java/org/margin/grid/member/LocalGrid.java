package org.margin.grid.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Grid members on loopback, in this process: one for the launcher ({@link #start()}), or a few for tests. Each
 * member loads member-local.yaml; a cluster of several turns TCP-IP join on for its own loopback ports, so that
 * concurrent runs with other cluster names and ports never meet.
 *
 * <p>Function instances of the same process may use a member directly instead of through a client of their own
 * ({@link #inProcessMember}): the launcher's functions do. So each member also keeps a near cache of the tier maps,
 * configured as the clients' near caches are (client-near-caches.yaml), holding the entries of its own partitions
 * too, which on a member of one are all of them. Clients of the member are not affected by it.
 */
public final class LocalGrid implements AutoCloseable {

    /** The cluster and port of member-local.yaml, which client-local.yaml connects to. */
    public static final String DEFAULT_CLUSTER = "margin-local";
    public static final int DEFAULT_PORT = 5701;

    private static final String TIER_MAPS = "margin.tier.*";
    /** The first member started of each cluster of this process, by cluster name; what in-process instances use. */
    private static final Map<String, CompletableFuture<HazelcastInstance>> IN_PROCESS = new ConcurrentHashMap<>();

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
        grid.members().stream().findFirst().ifPresent(member -> IN_PROCESS.compute(clusterName, (name, registered) -> {
            if (registered == null || registered.isDone()) {
                return CompletableFuture.completedFuture(member);
            }
            registered.complete(member);
            return registered;
        }));
        return grid;
    }

    /**
     * The member of {@code clusterName} started in this process, once it has started (the future completes then,
     * however long that takes: the launcher starts its member beside its functions). After that member stopped, the
     * one a later start of the cluster registers; until then, the stopped one.
     */
    public static CompletableFuture<HazelcastInstance> inProcessMember(String clusterName) {
        return IN_PROCESS.computeIfAbsent(clusterName, name -> new CompletableFuture<>());
    }

    private void startMember(int index, int count) {
        Config config = GridConfigs.member(GridProfile.LOCAL);
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-member-" + index);
        config.getNetworkConfig().setPort(basePort + index).setPortAutoIncrement(false);
        MapConfig tierMaps = config.getMapConfigs().get(TIER_MAPS);
        NearCacheConfig nearCache = new NearCacheConfig(
                GridConfigs.client(GridProfile.LOCAL).getNearCacheConfigMap().get(TIER_MAPS));
        tierMaps.setNearCacheConfig(nearCache.setName(TIER_MAPS).setCacheLocalEntries(true));
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
