package org.margin.grid;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.margin.grid.client.GridConnection;
import org.margin.grid.codec.ValueCodec;
import org.margin.grid.coherence.InstanceLease;
import org.margin.grid.coherence.NearCaches;
import org.margin.grid.coherence.WriteNotices;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.fault.GridGuard;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.metrics.GridMetrics;
import org.margin.grid.tier.TierSupport;
import org.margin.grid.tier.TieredCache;

import com.hazelcast.client.config.ClientConfig;

import io.opentelemetry.api.metrics.Meter;

/**
 * A function instance's view of the grid: its client (connected lazily, in the background), its lease on its
 * near caches, and the tiered caches built on them. Building one does no I/O; the first cache read starts the
 * connection and is served from the store until the grid is there.
 *
 * <pre>{@code
 * Grid grid = Grid.builder()
 *         .profile(GridProfile.KUBERNETES)
 *         .pseudonymKey(keyFromConfiguration)
 *         .meter(telemetry.meter())
 *         .build();
 * TieredCache essays = grid.cache("essays", store::loadEssay, store::saveEssay);
 * }</pre>
 */
public final class Grid implements AutoCloseable {

    /** Far below the tier maps' time to live, so a fill never outlives the entry that should have stopped it. */
    private static final Duration FILL_DEADLINE = Duration.ofSeconds(2);

    private final GridConnection connection;
    private final InstanceLease lease;
    private final TierSupport support;
    private final ScheduledExecutorService timer;
    private final Map<String, TieredCache> caches = new ConcurrentHashMap<>();

    private Grid(Builder builder) {
        this.connection = builder.connection.get();
        NearCaches nearCaches = new NearCaches();
        GridGuard guard = new GridGuard(builder.callTimeout, builder.breakerDelay);
        GridMetrics metrics = builder.meter == null
                ? GridMetrics.none(guard::state)
                : new GridMetrics(builder.meter, guard::state);
        WriteNotices notices = new WriteNotices(UUID.randomUUID().toString(), builder.lease, nearCaches,
                builder.acknowledgementTimeout,
                (mapName, cause) -> metrics.cache(mapName.substring(TieredCache.MAP_PREFIX.length()))
                        .invalidated(cause));
        this.lease = new InstanceLease(notices.instanceId(), builder.lease, connection, nearCaches,
                notices::subscribe);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("margin-grid-timer").factory());
        this.support = new TierSupport(connection, lease, notices, nearCaches, guard,
                KeyPseudonyms.withKey(builder.pseudonymKey), builder.codec, metrics, timer, FILL_DEADLINE,
                builder.hotKeys, builder.hotKeyPeriod);
        lease.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tiered cache {@code name} (letters, digits and dashes; its grid map is {@code margin.tier.<name>}),
     * created on first call. Later calls return the same cache and ignore their loader and writer.
     */
    public TieredCache cache(String name, Function<String, Optional<byte[]>> loader, BiConsumer<String, byte[]> writer) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a cache name is lower-case letters, digits and dashes");
        }
        return caches.computeIfAbsent(name, ignored -> new TieredCache(name, loader, writer, support));
    }

    /**
     * {@link #cache(String, Function, BiConsumer)} for values the caller stores itself and then buries with
     * {@link TieredCache#invalidate} (values derived from rows, or written to the store first): its
     * {@link TieredCache#write} is refused.
     */
    public TieredCache cache(String name, Function<String, Optional<byte[]>> loader) {
        return cache(name, loader, (key, value) -> {
            throw new UnsupportedOperationException("the " + name + " cache is not written through: invalidate");
        });
    }

    /** What the session store and other grid users of this process share with the caches. */
    public TierSupport support() {
        return support;
    }

    /** Starts connecting now, in the background; reads do this themselves. */
    public void connect() {
        connection.start();
    }

    /** Whether the near caches may answer now: connected, registered, lease running. */
    public boolean trusted() {
        return lease.trusted();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        lease.close();
        connection.close();
    }

    public static final String PROFILE = "MARGIN_GRID_PROFILE";
    public static final String PSEUDONYM_KEY = "MARGIN_GRID_PSEUDONYM_KEY";
    public static final String MEMBERS = "MARGIN_GRID_MEMBERS";
    public static final String CLUSTER = "MARGIN_GRID_CLUSTER";
    /** {@link #MEMBERS} for the member this process runs, used without a client ({@link Builder#inProcess}). */
    public static final String IN_PROCESS = "in-process";

    /** Settings of a {@link Grid}; only the pseudonym key is required. */
    public static final class Builder {

        private Supplier<GridConnection> connection = () -> GridConnection.client(
                () -> GridConfigs.client(GridProfile.LOCAL));
        private byte[] pseudonymKey;
        private ValueCodec codec = ValueCodec.identity();
        private Meter meter;
        private Duration lease = Duration.ofSeconds(6);
        private Duration acknowledgementTimeout = Duration.ofSeconds(1);
        private Duration callTimeout = Duration.ofMillis(500);
        private Duration breakerDelay = Duration.ofSeconds(2);
        private int hotKeys = 1000;
        private Duration hotKeyPeriod = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The client configuration of hazelcast-config/ for {@code profile}; local unless set. */
        public Builder profile(GridProfile profile) {
            Objects.requireNonNull(profile, "profile");
            this.connection = () -> GridConnection.client(() -> GridConfigs.client(profile));
            return this;
        }

        /** A client configuration of the caller's, e.g. one loaded from hazelcast-config/ and then adjusted. */
        public Builder clientConfig(ClientConfig config) {
            Objects.requireNonNull(config, "config");
            this.connection = () -> GridConnection.client(() -> config);
            return this;
        }

        /**
         * No client: the member of {@code clusterName} that this process runs ({@link LocalGrid}), used directly. Local
         * mode's functions share the launcher's member this way; its near caches are theirs, kept coherent among them
         * and with any client of the member by the same leases and notices.
         */
        public Builder inProcess(String clusterName) {
            Objects.requireNonNull(clusterName, "clusterName");
            this.connection = () -> GridConnection.inProcess(clusterName);
            return this;
        }

        /**
         * The profile and pseudonym key of {@code env}: {@code MARGIN_GRID_PROFILE} ({@code local} or
         * {@code kubernetes}), optionally the members' addresses ({@code MARGIN_GRID_MEMBERS}, comma-separated
         * {@code host:port}, or {@code in-process} for this process's member) and cluster name
         * ({@code MARGIN_GRID_CLUSTER}) instead of the profile's, and {@code MARGIN_GRID_PSEUDONYM_KEY} (base64, at
         * least 32 bytes, the same on every instance; required on Knative, a random key of this process when run
         * locally without it).
         *
         * @throws IllegalArgumentException naming the variable, when one is unusable or missing on Knative
         */
        public Builder environment(Map<String, String> env) {
            GridProfile profile = GridProfile.named(env.get(PROFILE));
            String members = env.get(MEMBERS);
            String cluster = env.get(CLUSTER);
            if (members == null || members.isBlank()) {
                profile(profile);
            } else if (members.strip().equals(IN_PROCESS)) {
                inProcess(cluster == null || cluster.isBlank() ? LocalGrid.DEFAULT_CLUSTER : cluster.strip());
            } else {
                this.connection = () -> GridConnection.client(() -> {
                    ClientConfig config = GridConfigs.client(profile);
                    config.getNetworkConfig().setAddresses(List.of(members.strip().split("\\s*,\\s*")));
                    if (cluster != null && !cluster.isBlank()) {
                        config.setClusterName(cluster.strip());
                    }
                    return config;
                });
            }
            String key = env.get(PSEUDONYM_KEY);
            if (key == null || key.isBlank()) {
                if (env.containsKey("K_SERVICE")) {
                    throw new IllegalArgumentException(PSEUDONYM_KEY + " is required on Knative");
                }
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                return pseudonymKey(random);
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PSEUDONYM_KEY + " is not base64");
            }
            if (decoded.length < 32) {
                throw new IllegalArgumentException(PSEUDONYM_KEY + " must hold at least 32 bytes");
            }
            return pseudonymKey(decoded);
        }

        /** The HMAC key of keyed pseudonyms, at least 32 bytes, the same for every instance. */
        public Builder pseudonymKey(byte[] key) {
            this.pseudonymKey = key.clone();
            return this;
        }

        /** How values are sealed for the grid; as they are unless set. */
        public Builder codec(ValueCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Where the grid's instruments are created, e.g. the runtime's meter; none unless set. */
        public Builder meter(Meter meter) {
            this.meter = Objects.requireNonNull(meter, "meter");
            return this;
        }

        /**
         * How long an instance may answer from its near caches without hearing from the grid. A write waits at
         * most this long (plus the acknowledgement timeout) for an instance that stopped answering.
         */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /** How long a write waits for every instance to acknowledge its notice before striking the silent ones. */
        public Builder acknowledgementTimeout(Duration timeout) {
            this.acknowledgementTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long one grid call on a read's path may take before the store answers instead. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long the open circuit breaker keeps calls from the grid before it tries again. */
        public Builder breakerDelay(Duration delay) {
            this.breakerDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** How many keys per cache the hot-key list keeps, and how often this instance rewrites it. */
        public Builder hotKeys(int count, Duration period) {
            this.hotKeys = count;
            this.hotKeyPeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        public Grid build() {
            if (pseudonymKey == null) {
                throw new IllegalStateException("pseudonymKey(...) is required");
            }
            return new Grid(this);
        }
    }
}
