package org.margin.grid.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;

/**
 * This instance's client of the grid, created on first use in the background so that no request ever waits for
 * it. Until it is connected, {@link #client()} is empty and callers serve from the store.
 */
public final class GridConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GridConnection.class.getName());

    private final Supplier<ClientConfig> config;
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<Runnable> onConnected = new CopyOnWriteArrayList<>();
    private final List<Runnable> onDisconnected = new CopyOnWriteArrayList<>();
    private volatile HazelcastInstance client;
    private volatile boolean connected;
    private volatile boolean closed;

    /** @param config read on the background thread, so that even parsing the YAML waits for first use */
    public GridConnection(Supplier<ClientConfig> config) {
        this.config = config;
    }

    /** Starts connecting, once, on a background thread; returns at once. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofVirtual().name("margin-grid-connect").start(this::create);
        }
    }

    private void create() {
        try {
            ClientConfig clientConfig = config.get();
            clientConfig.addListenerConfig(new ListenerConfig(new ConnectionEvents()));
            HazelcastInstance created = HazelcastClient.newHazelcastClient(clientConfig);
            if (closed) {
                created.shutdown();
                return;
            }
            client = created;
            if (connected) {
                onConnected.forEach(Runnable::run);
            }
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "The grid client could not be created: " + failed.getClass().getName());
            started.set(false);
        }
    }

    /** The client once created and connected; starts connecting if nobody has yet. */
    public Optional<HazelcastInstance> client() {
        start();
        HazelcastInstance current = client;
        return current != null && connected ? Optional.of(current) : Optional.empty();
    }

    /** Runs {@code action} after every (re)connection, on the client's event thread: keep it short. */
    public void onConnected(Runnable action) {
        onConnected.add(action);
    }

    /** Runs {@code action} when the connection to the grid is lost. */
    public void onDisconnected(Runnable action) {
        onDisconnected.add(action);
    }

    @Override
    public void close() {
        closed = true;
        HazelcastInstance current = client;
        if (current != null) {
            current.shutdown();
        }
    }

    private final class ConnectionEvents implements LifecycleListener {
        @Override
        public void stateChanged(LifecycleEvent event) {
            switch (event.getState()) {
                case CLIENT_CONNECTED -> {
                    connected = true;
                    // Before the client object exists the callbacks run from create() instead.
                    if (client != null) {
                        onConnected.forEach(Runnable::run);
                    }
                }
                case CLIENT_DISCONNECTED, SHUTTING_DOWN -> {
                    connected = false;
                    onDisconnected.forEach(Runnable::run);
                }
                default -> {
                }
            }
        }
    }
}
