package org.margin.grid.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.margin.grid.member.LocalGrid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;

/**
 * This instance's way into the grid, opened on first use in the background so that no request ever waits for it:
 * a client of the grid's members, or, in local mode, the member that runs in this process ({@link #inProcess}).
 * Until it is open and connected, {@link #client()} is empty and callers serve from the store.
 */
public final class GridConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GridConnection.class.getName());
    private static final Duration MEMBER_RESTART_POLL = Duration.ofMillis(200);

    private final Opening opening;
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<Runnable> onConnected = new CopyOnWriteArrayList<>();
    private final List<Runnable> onDisconnected = new CopyOnWriteArrayList<>();
    private final List<Runnable> releases = new CopyOnWriteArrayList<>();
    private volatile HazelcastInstance client;
    private volatile UUID lifecycleRegistration;
    private volatile boolean connected;
    private volatile boolean closed;

    private GridConnection(Opening opening) {
        this.opening = opening;
    }

    /** A client of its own; {@code config} is read on the background thread, so even parsing the YAML waits. */
    public static GridConnection client(Supplier<ClientConfig> config) {
        return new GridConnection(new Opening.Client(config));
    }

    /**
     * The member of {@code clusterName} that runs in this process ({@link LocalGrid}), used directly: no client,
     * no socket, no serialised call per operation. Opening waits until that member has started.
     */
    public static GridConnection inProcess(String clusterName) {
        return new GridConnection(new Opening.InProcess(clusterName));
    }

    /** Starts opening, once, on a background thread; returns at once. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofVirtual().name("margin-grid-connect").start(this::open);
        }
    }

    private void open() {
        try {
            HazelcastInstance opened = switch (opening) {
                case Opening.Client(Supplier<ClientConfig> config) -> {
                    ClientConfig clientConfig = config.get();
                    clientConfig.addListenerConfig(new ListenerConfig(new ConnectionEvents()));
                    yield HazelcastClient.newHazelcastClient(clientConfig);
                }
                case Opening.InProcess(String clusterName) -> {
                    HazelcastInstance member = runningMember(clusterName);
                    lifecycleRegistration = member.getLifecycleService().addLifecycleListener(new ConnectionEvents());
                    connected = member.getLifecycleService().isRunning();
                    yield member;
                }
            };
            if (closed) {
                end(opened);
                return;
            }
            client = opened;
            if (connected) {
                onConnected.forEach(Runnable::run);
            }
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "The grid connection could not be opened: "
                    + failed.getClass().getName());
            started.set(false);
        }
    }

    /** Waits for a running member of the cluster in this process: one that stopped is followed by its restart. */
    private HazelcastInstance runningMember(String clusterName) {
        while (true) {
            HazelcastInstance member = LocalGrid.inProcessMember(clusterName).join();
            if (member.getLifecycleService().isRunning() || closed) {
                return member;
            }
            try {
                Thread.sleep(MEMBER_RESTART_POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the member", interrupted);
            }
        }
    }

    /** The client (or this process's member) once open and connected; starts opening if nobody has yet. */
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

    /**
     * Takes back, at close, a listener added through this connection. A client's listeners end with the client; a
     * member in this process outlives its connections, and would otherwise keep calling a closed instance.
     */
    public void releaseAtClose(Runnable release) {
        if (opening instanceof Opening.InProcess) {
            releases.add(release);
        }
    }

    @Override
    public void close() {
        closed = true;
        HazelcastInstance current = client;
        if (current != null) {
            end(current);
        }
    }

    private void end(HazelcastInstance opened) {
        switch (opening) {
            case Opening.Client ownClient -> opened.shutdown();
            case Opening.InProcess sharedMember -> {
                connected = false;
                releases.forEach(GridConnection::releaseQuietly);
                UUID registration = lifecycleRegistration;
                if (registration != null) {
                    opened.getLifecycleService().removeLifecycleListener(registration);
                }
            }
        }
    }

    private static void releaseQuietly(Runnable release) {
        try {
            release.run();
        } catch (RuntimeException memberGone) {
            LOG.log(System.Logger.Level.DEBUG, "A listener went with its member");
        }
    }

    /** How the connection is opened. */
    private sealed interface Opening {

        record Client(Supplier<ClientConfig> config) implements Opening {
        }

        record InProcess(String clusterName) implements Opening {
        }
    }

    private final class ConnectionEvents implements LifecycleListener {
        @Override
        public void stateChanged(LifecycleEvent event) {
            switch (event.getState()) {
                case CLIENT_CONNECTED -> {
                    connected = true;
                    // Before the client object exists the callbacks run from open() instead.
                    if (client != null) {
                        onConnected.forEach(Runnable::run);
                    }
                }
                case CLIENT_DISCONNECTED, SHUTTING_DOWN -> {
                    connected = false;
                    if (opening instanceof Opening.InProcess) {
                        // A client reconnects by itself; a stopped member never comes back: open the next one.
                        client = null;
                        started.set(false);
                    }
                    onDisconnected.forEach(Runnable::run);
                }
                default -> {
                }
            }
        }
    }
}
