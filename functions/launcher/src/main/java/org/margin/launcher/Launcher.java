package org.margin.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.margin.alerts.EducatorAlertsFunction;
import org.margin.analysis.WritingAnalysisFunction;
import org.margin.deadletters.DeadLettersFunction;
import org.margin.governance.DataGovernanceFunction;
import org.margin.grid.Grid;
import org.margin.ingress.LmsIngressFunction;
import org.margin.integrity.AcademicIntegrityFunction;
import org.margin.grid.member.LocalGrid;
import org.margin.launcher.broker.LocalBroker;
import org.margin.launcher.broker.Triggers;
import org.margin.launcher.devauth.DevTokenIssuer;
import org.margin.platform.consent.UnknownAge;
import org.margin.platform.keys.KeyEncryptionKeys;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.store.Store;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;

/**
 * Local mode: every function in this one process, each on its own fixed port, as {@code ./margin dev} runs them,
 * with what production gives them from outside: a broker that delivers events between them by the cluster's own
 * Triggers, an embedded PostgreSQL (migrated, its data kept in {@code .margin/postgres} across restarts) and one
 * Hazelcast member, which the functions use in-process rather than each through a client of its own. Each function is
 * built from an environment, as on Knative; this one adds the local addresses.
 *
 * <p>{@code MARGIN_LOCAL_PORT} moves the ports (default 8080: the broker, then one function per port after it; the
 * database at base + 20, the grid member at base + 21, so that two launchers on different bases never share either)
 * and {@code MARGIN_LOCAL_DIR} the data directory (default {@code .margin}); a {@code MARGIN_DB_URL} in the
 * environment points the functions at that database instead of starting one, a {@code MARGIN_GRID_MEMBERS} at that
 * grid.
 */
public final class Launcher {

    static final String PORT_BASE = "MARGIN_LOCAL_PORT";
    static final String DIRECTORY = "MARGIN_LOCAL_DIR";
    private static final int DEFAULT_PORT_BASE = 8080;
    /** The development token issuer's port, when enabled. */
    private static final int DEV_TOKENS_PORT_OFFSET = 19;
    /** The embedded database's port, after the functions' ports. */
    private static final int DATABASE_PORT_OFFSET = 20;
    /** The grid member's port, after the database's. */
    private static final int GRID_PORT_OFFSET = 21;
    /** How many undelivered events the local broker holds before it asks senders to come back. */
    private static final int BROKER_CAPACITY = 20_000;
    /** Deliveries in flight to one function at once, like a trigger dispatcher's parallelism. */
    private static final int BROKER_CONCURRENCY_PER_SUBSCRIBER = 16;

    /** The functions, in port order after the broker's. */
    private static final List<LocalFunction> FUNCTIONS = List.of(
            new LocalFunction(WritingAnalysisFunction.NAME, "MCP at", "/mcp", WritingAnalysisFunction::runtime),
            new LocalFunction(StudentProfilingFunction.NAME, "MCP at", "/mcp", StudentProfilingFunction::runtime),
            new LocalFunction(EducatorAlertsFunction.NAME, "MCP at", "/mcp", EducatorAlertsFunction::runtime),
            new LocalFunction(AcademicIntegrityFunction.NAME, "MCP at", "/mcp", AcademicIntegrityFunction::runtime),
            new LocalFunction(LmsIngressFunction.NAME, "webhooks at", "/webhooks/{source}",
                    LmsIngressFunction::runtime),
            new LocalFunction(DeadLettersFunction.NAME, "MCP at", "/mcp", DeadLettersFunction::runtime),
            new LocalFunction(DataGovernanceFunction.NAME, "MCP at", "/mcp", DataGovernanceFunction::runtime));

    private Launcher() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        int base = Integer.parseInt(environment.getOrDefault(PORT_BASE, Integer.toString(DEFAULT_PORT_BASE)));
        Path directory = Path.of(environment.getOrDefault(DIRECTORY, ".margin"));
        // Every function answers /health/ready 503 until the database is up and the keysets are made.
        AtomicBoolean keysReady = new AtomicBoolean();
        Map<String, String> shared = sharedEnvironment(environment, base, directory, keysReady);
        Optional<DevTokenIssuer> issuer = DevTokenIssuer.requested(List.of(args), environment)
                ? Optional.of(DevTokenIssuer.start(List.of(args), environment, base + DEV_TOKENS_PORT_OFFSET,
                        resources(base)))
                : Optional.empty();
        if (issuer.isEmpty() && !environment.containsKey(RuntimeSettings.TOKEN_ISSUER)) {
            System.out.printf("%-20s none: every MCP endpoint answers 401; start with %s for local tokens, or set %s,"
                    + " %s%n", "token issuer", DevTokenIssuer.FLAG, RuntimeSettings.JWKS_URI,
                    RuntimeSettings.TOKEN_ISSUER);
        }
        FunctionRuntime.serve(runtimes(shared, base, issuer, keysReady::get));
    }

    /**
     * What every function gets besides its port: the broker as {@code K_SINK}, one grid pseudonym key, and the
     * database (started here, in the background, unless one is configured).
     */
    private static Map<String, String> sharedEnvironment(Map<String, String> environment, int base, Path directory,
                                                         AtomicBoolean keysReady) {
        Map<String, String> shared = new HashMap<>(environment);
        shared.putIfAbsent(HttpEventSink.K_SINK, "http://127.0.0.1:" + base + "/");
        shared.putIfAbsent(Grid.PSEUDONYM_KEY, randomKey());
        boolean embeddedDatabase = !environment.containsKey(Store.Builder.URL);
        int databasePort = base + DATABASE_PORT_OFFSET;
        if (embeddedDatabase) {
            shared.putAll(LocalConnection.environment(directory.resolve("postgres"), databasePort));
        }
        boolean embeddedGrid = !environment.containsKey(Grid.MEMBERS);
        int gridPort = base + GRID_PORT_OFFSET;
        if (embeddedGrid) {
            // The functions use the member directly; it still listens on its port for clients from outside.
            shared.put(Grid.MEMBERS, Grid.IN_PROCESS);
            shared.put(Grid.CLUSTER, LocalGrid.DEFAULT_CLUSTER);
        }
        shared.putIfAbsent(KeyEncryptionKeys.DIRECTORY, directory.resolve("keys").toString());
        // Local mode's data is made up and rarely has a roster; production holds students of unknown age.
        if (shared.putIfAbsent(UnknownAge.VARIABLE, "process") == null) {
            System.out.println("Students without a date of birth are processed (" + UnknownAge.VARIABLE
                    + "=process); set it to hold to treat them as children under COPPA.");
        }
        startBackingServices(embeddedDatabase, directory.resolve("postgres"), databasePort,
                embeddedGrid ? OptionalInt.of(gridPort) : OptionalInt.empty(), shared, keysReady);
        return Map.copyOf(shared);
    }

    /** Each function's resource URI: its MCP endpoint on loopback, the audience of tokens meant for it. */
    private static Map<String, URI> resources(int base) {
        Map<String, URI> resources = new LinkedHashMap<>();
        for (int i = 0; i < FUNCTIONS.size(); i++) {
            resources.put(FUNCTIONS.get(i).name(), resource(base + 1 + i));
        }
        return resources;
    }

    private static URI resource(int port) {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    private static List<FunctionRuntime> runtimes(Map<String, String> shared, int base,
                                                  Optional<DevTokenIssuer> issuer, BooleanSupplier keysReady) {
        List<FunctionRuntime> runtimes = new ArrayList<>();
        Map<String, URI> addresses = new HashMap<>();
        for (int i = 0; i < FUNCTIONS.size(); i++) {
            addresses.put(FUNCTIONS.get(i).name(), URI.create("http://127.0.0.1:" + (base + 1 + i) + "/"));
        }
        LocalBroker broker = new LocalBroker(Triggers.bundled(name -> {
            URI address = addresses.get(name);
            if (address == null) {
                throw new IllegalStateException("a Trigger names " + name + ", which local mode does not run");
            }
            return address;
        }), BROKER_CAPACITY, BROKER_CONCURRENCY_PER_SUBSCRIBER);
        runtimes.add(FunctionRuntime.builder()
                .service("broker")
                .settings(RuntimeSettings.fromEnvironment(withPort(shared, base)))
                .anyOtherCloudEvent(broker)
                // A broker passes on every publication, replays of the same event included.
                .deliveryLedger(DeliveryLedger.none())
                .lifecycle(announce("broker", "events at http://127.0.0.1:%d/"))
                .readyWhen(keysReady)
                .build());
        for (int i = 0; i < FUNCTIONS.size(); i++) {
            LocalFunction function = FUNCTIONS.get(i);
            runtimes.add(function.runtime().apply(withTokens(withPort(shared, base + 1 + i), base + 1 + i, issuer))
                    .lifecycle(announce(function.name(), function.serves() + " http://127.0.0.1:%d" + function.path()))
                    .readyWhen(keysReady)
                    .build());
        }
        return runtimes;
    }

    private static Map<String, String> withPort(Map<String, String> shared, int port) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put(RuntimeSettings.PORT, Integer.toString(port));
        return environment;
    }

    /**
     * A function's token settings: with an issuer (the development one, or one in the environment), its own resource
     * URI, and with the development issuer that issuer's keys (fetched from it) and name; without any, none.
     */
    private static Map<String, String> withTokens(Map<String, String> environment, int port,
                                                  Optional<DevTokenIssuer> issuer) {
        if (issuer.isEmpty() && !environment.containsKey(RuntimeSettings.TOKEN_ISSUER)) {
            // No issuer at all: the functions start without token settings and refuse every MCP request (401).
            return environment;
        }
        environment.put(RuntimeSettings.RESOURCE_URI, resource(port).toString());
        issuer.ifPresent(dev -> {
            environment.remove(RuntimeSettings.JWKS);
            environment.putAll(dev.environment());
        });
        return environment;
    }

    private static LifecycleListener announce(String name, String format) {
        return new LifecycleListener() {
            @Override
            public void started(int port) {
                System.out.printf("%-20s " + format + "%n", name, port);
            }
        };
    }

    /**
     * Starts the database and the grid member (on {@code gridPort}, when one is to be started) beside the functions,
     * without holding up their start: both take seconds (the database's first start runs initdb and the migrations).
     * The functions serve meanwhile, answering what needs the database with a retryable error, and report ready once
     * the keysets are made ({@code keysReady}).
     */
    private static void startBackingServices(boolean embeddedDatabase, Path databaseDirectory, int databasePort,
                                             OptionalInt gridPort, Map<String, String> environment,
                                             AtomicBoolean keysReady) {
        ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<LocalDatabase> database = embeddedDatabase
                ? CompletableFuture.supplyAsync(() -> {
                    LocalDatabase started = LocalDatabase.start(databaseDirectory, databasePort);
                    System.out.printf("%-20s PostgreSQL at %s (migrated; data in %s)%n", "database",
                            started.jdbcUrl(), databaseDirectory);
                    return started;
                }, starter)
                : CompletableFuture.completedFuture(null);
        database.thenRun(() -> {
            ensureKeysets(environment);
            keysReady.set(true);
        }).exceptionally(failure -> {
            System.out.printf("%-20s could not be created (%s): functions answer 503 to what needs them%n", "keys",
                    failure.getCause() == null ? failure : failure.getCause().getClass().getName());
            return null;
        });
        CompletableFuture<LocalGrid> grid = gridPort.isPresent()
                ? CompletableFuture.supplyAsync(() -> {
                    LocalGrid started = LocalGrid.start(LocalGrid.DEFAULT_CLUSTER, gridPort.getAsInt(), 1);
                    System.out.printf("%-20s Hazelcast member at %s%n", "grid", String.join(", ", started.addresses()));
                    return started;
                }, starter)
                : CompletableFuture.completedFuture(null);
        starter.shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            grid.thenAccept(started -> Optional.ofNullable(started).ifPresent(LocalGrid::close));
            database.thenAccept(started -> Optional.ofNullable(started).ifPresent(LocalDatabase::close));
        }, "local-services-stop"));
    }

    /** The keysets every function uses, created on the first start (the migrations job does it in production). */
    private static void ensureKeysets(Map<String, String> environment) {
        try (Store store = Store.builder().environment(environment).applicationName("margin-launcher").build()) {
            KeysetBootstrap.ensure(KeysetBootstrap.keysets(store, environment, "launcher"));
        }
        System.out.printf("%-20s ready (key-encryption key in %s)%n", "keys",
                environment.get(KeyEncryptionKeys.DIRECTORY));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private record LocalFunction(String name, String serves, String path,
                                 Function<Map<String, String>, FunctionRuntime.Builder> runtime) {
    }
}
