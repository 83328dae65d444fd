package org.margin.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.margin.runtime.auth.ProtectedResourceMetadata;
import org.margin.runtime.auth.ResourceServer;
import org.margin.runtime.cloudevents.CloudEventEndpoint;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.delivery.InMemoryDeliveryLedger;
import org.margin.runtime.health.HealthEndpoints;
import org.margin.runtime.http.RouteClassifier;
import org.margin.runtime.http.RuntimeRoute;
import org.margin.runtime.http.TransportErrorHandler;
import org.margin.runtime.http.UnhandledErrorHandler;
import org.margin.runtime.lifecycle.DrainOutcome;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.lifecycle.RequestGate;
import org.margin.runtime.lifecycle.RuntimeLifecycle;
import org.margin.runtime.lifecycle.RuntimeState;
import org.margin.runtime.lifecycle.TerminationSignal;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.EventTelemetry;
import org.margin.runtime.telemetry.HttpServerTelemetry;
import org.margin.runtime.telemetry.PrometheusEndpoint;
import org.margin.runtime.telemetry.ServiceIdentity;
import org.margin.runtime.telemetry.Telemetry;
import org.margin.runtime.telemetry.ToolCallTelemetry;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * The shell every Margin function runs in: one Helidon SE web server (virtual threads) serving the function's MCP
 * endpoint at {@code /mcp}, its CloudEvents at {@code POST /}, health probes, and {@code /metrics}; telemetry
 * around every request; a graceful stop. It knows nothing of what a function does.
 *
 * <pre>{@code
 * FunctionRuntime.builder()
 *         .service("writing-analysis", "1.0.0")
 *         .declareTools("count_words")
 *         .mcp(mount -> mount.endpoint(McpServer.builder().serverInfo("writing-analysis", "1.0.0")
 *                 .tool(...)))
 *         .cloudEvent("org.margin.submission.created.v1", event -> EventOutcome.accepted())
 *         .build()
 *         .serve();
 * }</pre>
 *
 * <p>Runtimes share no state: a launcher may run several in one process, each on its own port
 * ({@link RuntimeSettings#withPort}), and stop them together with {@link #serve(List)}.
 */
public final class FunctionRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FunctionRuntime.class.getName());
    /** How long a stop waits for the last spans to be exported. */
    private static final Duration TELEMETRY_FLUSH = Duration.ofSeconds(5);
    /**
     * Helidon's own wait for running requests when it stops: by then the runtime has drained, so only idle
     * keep-alive connections (closed at once) or requests past the grace period (to be cut) remain.
     */
    private static final Duration SERVER_STOP_GRACE = Duration.ofMillis(500);
    /**
     * Events one instance handles at once: handlers wait on the store, whose pool (20 connections by default) is the
     * real limit; beyond a few times that, waiting only pushes every handler past its sender's timeout.
     */
    private static final int EVENT_CONCURRENCY = 64;

    private final String service;
    private final RuntimeSettings settings;
    private final Telemetry telemetry;
    private final RuntimeLifecycle lifecycle;
    private final WebServer server;
    private boolean stopped;
    private DrainOutcome drainOutcome;

    private FunctionRuntime(Builder builder) {
        this.service = builder.service;
        this.settings = builder.settings != null ? builder.settings : RuntimeSettings.fromEnvironment();
        RouteClassifier routes = new RouteClassifier(builder.mcp != null, builder.handlesEvents(),
                builder.webhooks != null);
        RequestGate gate = new RequestGate(routes);
        this.lifecycle = new RuntimeLifecycle(gate, builder.listeners);
        String endpoints = describeEndpoints(routes);

        // Start-up has two halves that need nothing of each other, and a function's machine has more than one
        // core: Helidon's routing and server set-up (its service registry above all) run here while telemetry and
        // the function's own endpoints are built on another thread, which then prepares the first request's work.
        CompletableFuture<Parts> parts = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name(service + "-start").start(() -> buildAndPrepare(builder, routes, parts));
        HttpRouting.Builder routing = HttpRouting.builder();
        DirectHandlers transportErrors = transportErrors(endpoints);
        Parts built = await(parts);
        this.telemetry = built.telemetry();
        routing.addFilter(built.httpTelemetry())
                .addFilter(gate)
                .error(Throwable.class, new UnhandledErrorHandler(endpoints))
                .register(new HealthEndpoints(lifecycle, builder.dependenciesReady))
                .get(RuntimeRoute.METRICS.label(), new PrometheusEndpoint(telemetry));
        built.mcp().ifPresent(mcp -> routing.register(RuntimeRoute.MCP.label(), mcp));
        if (built.mcp().orElse(null) instanceof McpServer mcp) {
            // RFC 9728: at the well-known path, and at it followed by the resource's path (/mcp).
            ProtectedResourceMetadata metadata = new ProtectedResourceMetadata(mcp);
            routing.get(ResourceServer.METADATA_PATH, metadata)
                    .get(ResourceServer.METADATA_PATH + RuntimeRoute.MCP.label(), metadata);
        }
        if (builder.webhooks != null) {
            routing.register(RuntimeRoute.WEBHOOKS.label(), builder.webhooks);
        }
        built.events().ifPresent(routing::register);
        this.server = WebServer.builder()
                .port(settings.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .shutdownGracePeriod(SERVER_STOP_GRACE)
                // Without it, an answer of more than one segment waits for the client's delayed ACK (~40 ms).
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .directHandlers(transportErrors)
                .routing(routing)
                .build();
    }

    /** What the start-up thread builds: the runtime's telemetry and the function's endpoints. */
    private record Parts(Telemetry telemetry, HttpServerTelemetry httpTelemetry, Optional<HttpService> mcp,
                         Optional<CloudEventEndpoint> events) {
    }

    /**
     * Builds the {@link Parts} and hands them over, then does the one-time work of the first requests: the MCP
     * engine's schemas, then whatever the function's listeners prepare. A request that comes before this ends
     * waits for the same work.
     */
    private void buildAndPrepare(Builder builder, RouteClassifier routes, CompletableFuture<Parts> parts) {
        Parts built;
        try {
            built = buildParts(builder, routes);
        } catch (Throwable failed) {
            parts.completeExceptionally(failed);
            return;
        }
        parts.complete(built);
        if (built.mcp().orElse(null) instanceof McpServer mcp) {
            try {
                mcp.prepare();
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, () -> service + " could not prepare its MCP engine (" + failed.getClass().getName()
                        + "); the first request will try again");
            }
        }
        lifecycle.preparing();
    }

    private Parts buildParts(Builder builder, RouteClassifier routes) {
        Telemetry telemetry = builder.telemetry != null ? builder.telemetry
                : Telemetry.create(identity(builder.service, builder.version, settings), settings.otlp(),
                        settings.sampling(), builder.spanProcessors);
        HttpService mcp = null;
        if (builder.mcp != null) {
            if (builder.declaredTools.isEmpty()) {
                LOG.log(Level.WARNING, () -> service + " declares no tools: tool metrics will all be labelled 'unknown'");
            }
            if (settings.accessTokens().isEmpty() && !settings.local()) {
                throw new IllegalArgumentException(RuntimeSettings.JWKS_URI + ", " + RuntimeSettings.TOKEN_ISSUER
                        + " and " + RuntimeSettings.RESOURCE_URI + " must be set on Knative for a function that serves"
                        + " MCP: its endpoint accepts only access tokens it can verify");
            }
            ResourceServer resourceServer = settings.accessTokens().map(ResourceServer::of).orElseGet(() -> {
                LOG.log(Level.WARNING, () -> service + ": no access-token configuration (" + RuntimeSettings.JWKS_URI
                        + ", " + RuntimeSettings.TOKEN_ISSUER + ", " + RuntimeSettings.RESOURCE_URI
                        + "): its MCP endpoint refuses every request with 401");
                return ResourceServer.unconfigured();
            });
            McpMount mount = new McpMount(new ToolCallTelemetry(telemetry, builder.declaredTools),
                    settings.requestStateSecret(), Set.copyOf(settings.allowedHosts()),
                    Set.copyOf(settings.allowedOrigins()), resourceServer);
            mcp = Objects.requireNonNull(builder.mcp.apply(mount), "the MCP factory returned no service");
        }
        CloudEventEndpoint events = null;
        if (builder.handlesEvents()) {
            events = new CloudEventEndpoint(builder.eventHandlers, Optional.ofNullable(builder.anyOtherEvent),
                    builder.ledger != null ? builder.ledger : InMemoryDeliveryLedger.create(), EVENT_CONCURRENCY,
                    settings.maxEventBytes(),
                    new EventTelemetry(telemetry, builder.eventHandlers.keySet()));
        }
        return new Parts(telemetry, new HttpServerTelemetry(telemetry, routes), Optional.ofNullable(mcp),
                Optional.ofNullable(events));
    }

    /** The start-up thread's parts; what it threw, as if thrown here. */
    private static Parts await(CompletableFuture<Parts> parts) {
        try {
            return parts.join();
        } catch (CompletionException failed) {
            switch (failed.getCause()) {
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                case null, default -> throw failed;
            }
        }
    }

    /** Problem documents for what Helidon refuses before routing, whatever the kind of refusal. */
    private static DirectHandlers transportErrors(String endpoints) {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        TransportErrorHandler handler = new TransportErrorHandler(endpoints);
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code runtimes} until the process is told to stop (SIGTERM, SIGINT): starts them, waits for the
     * signal, drains them all at once, and exits with 0 if every in-flight request finished, 1 otherwise.
     * Meant for a process's {@code main}; never returns.
     */
    public static void serve(List<FunctionRuntime> runtimes) {
        TerminationSignal signal = TerminationSignal.install();
        int status = 0;
        try {
            runtimes.forEach(FunctionRuntime::start);
            String name = signal.await();
            LOG.log(Level.INFO, () -> "SIG" + name + " received: draining " + runtimes.size() + " runtime(s)");
            status = stopAll(runtimes) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Start-up failed", e);
            stopAll(runtimes);
            status = 1;
        }
        signal.exit(status);
    }

    /** Runs this runtime until the process is told to stop; see {@link #serve(List)}. */
    public void serve() {
        serve(List.of(this));
    }

    /**
     * Starts listening; returns once requests are taken.
     *
     * @throws IllegalStateException if the port cannot be bound, or this runtime was started before
     */
    public FunctionRuntime start() {
        server.start();
        if (!server.isRunning()) {
            throw new IllegalStateException(service + " could not listen on port " + settings.port());
        }
        lifecycle.serving(server.port());
        LOG.log(Level.INFO, () -> service + " serving on port " + server.port()
                + settings.knative().map(k -> " as Knative revision " + k.revision()).orElse(" (local mode)"));
        if (settings.requestStateSecret().ephemeral()) {
            LOG.log(Level.INFO, () -> RuntimeSettings.REQUEST_STATE_SECRET + " is not set: " + service
                    + " uses a random per-process request-state secret, so request state will not survive a restart");
        }
        return this;
    }

    /** The port this runtime listens on (the bound one when {@code PORT} is 0); -1 when not listening. */
    public int port() {
        return server.port();
    }

    public RuntimeState state() {
        return lifecycle.state();
    }

    public RuntimeSettings settings() {
        return settings;
    }

    /**
     * Stops gracefully: readiness turns 503 and new requests are refused, those in flight run on for up to the
     * grace period ({@link RuntimeSettings#shutdownGrace()}), then the server stops (cutting any left) and the
     * last spans are exported. Returns at once when already stopped.
     *
     * @return whether all in-flight requests finished
     */
    public synchronized DrainOutcome stop() {
        if (stopped) {
            return drainOutcome;
        }
        stopped = true;
        try {
            drainOutcome = lifecycle.drain(settings.shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drainOutcome = new DrainOutcome(lifecycle.inFlight(), Duration.ZERO);
        }
        server.stop();
        lifecycle.stopped();
        telemetry.close(TELEMETRY_FLUSH);
        DrainOutcome outcome = drainOutcome;
        if (outcome.complete()) {
            LOG.log(Level.INFO, () -> service + " stopped; in-flight requests drained in " + outcome.took().toMillis()
                    + " ms");
        } else {
            LOG.log(Level.WARNING, () -> service + " stopped; " + outcome.abandoned()
                    + " request(s) still running after the grace period were cut off");
        }
        return outcome;
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Stops all of {@code runtimes} at once, each on its own thread; whether all drained completely. */
    private static boolean stopAll(List<FunctionRuntime> runtimes) {
        boolean complete = true;
        try (ExecutorService stops = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DrainOutcome>> outcomes = new ArrayList<>();
            for (FunctionRuntime runtime : runtimes) {
                outcomes.add(stops.submit(runtime::stop));
            }
            for (Future<DrainOutcome> outcome : outcomes) {
                complete &= outcome.get().complete();
            }
        } catch (ExecutionException e) {
            LOG.log(Level.ERROR, () -> "A runtime failed to stop: " + e.getCause().getClass().getName());
            complete = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            complete = false;
        }
        return complete;
    }

    /**
     * The telemetry a runtime for {@code service} would build, for a function whose other parts (its grid, its
     * consent gate) record metrics too: build it first, give its meter to them and it to {@link Builder#telemetry},
     * so that {@code /metrics} shows theirs with the runtime's.
     */
    public static Telemetry telemetry(String service, String version, RuntimeSettings settings) {
        return Telemetry.create(identity(service, version, settings), settings.otlp(), settings.sampling(), List.of());
    }

    private static ServiceIdentity identity(String service, String version, RuntimeSettings settings) {
        return settings.knative()
                .map(k -> new ServiceIdentity(service, version, k.service(), k.revision(), k.configuration()))
                .orElseGet(() -> ServiceIdentity.local(service, version));
    }

    private static String describeEndpoints(RouteClassifier routes) {
        List<String> endpoints = new ArrayList<>();
        if (routes.cloudEventsMounted()) {
            endpoints.add("POST / (CloudEvents)");
        }
        if (routes.mcpMounted()) {
            endpoints.add("/mcp (MCP)");
        }
        if (routes.webhooksMounted()) {
            endpoints.add("POST /webhooks/{sender} (webhooks)");
        }
        endpoints.add("GET /health/live");
        endpoints.add("GET /health/ready");
        endpoints.add("GET /metrics");
        return String.join(", ", endpoints);
    }

    /** Assembles a {@link FunctionRuntime}; only {@link #service} is required. */
    public static final class Builder {
        private String service;
        private String version = "";
        private RuntimeSettings settings;
        private Function<McpMount, HttpService> mcp;
        private final Set<String> declaredTools = new LinkedHashSet<>();
        private final Map<String, CloudEventHandler> eventHandlers = new LinkedHashMap<>();
        private CloudEventHandler anyOtherEvent;
        private HttpService webhooks;
        private DeliveryLedger ledger;
        private final List<LifecycleListener> listeners = new ArrayList<>();
        private BooleanSupplier dependenciesReady = () -> true;
        private final List<SpanProcessor> spanProcessors = new ArrayList<>();
        private Telemetry telemetry;

        private Builder() {
        }

        /** The function's name: {@code service.name} in telemetry. */
        public Builder service(String name) {
            this.service = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The function's name and version. */
        public Builder service(String name, String version) {
            this.version = Objects.requireNonNull(version, "version");
            return service(name);
        }

        /** Settings to use instead of reading the environment (a launcher, a test). */
        public Builder settings(RuntimeSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Serves MCP at {@code /mcp} with the service {@code factory} builds; the factory is called once, during
         * {@link #build()}, on a start-up thread of the runtime's. When it returns an {@link McpServer}, the runtime
         * has it {@linkplain McpServer#prepare() prepare} its first requests' work while the server starts.
         */
        public Builder mcp(Function<McpMount, HttpService> factory) {
            this.mcp = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The names of the function's tools: only these label tool metrics and spans; calls of any other name
         * count as {@code unknown}, so that no name a client sends becomes a label.
         */
        public Builder declareTools(String... names) {
            declaredTools.addAll(List.of(names));
            return this;
        }

        /** Handles CloudEvents of {@code type}, delivered to {@code POST /}. */
        public Builder cloudEvent(String type, CloudEventHandler handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            if (eventHandlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("a handler for " + type + " is already registered");
            }
            return this;
        }

        /** Serves webhooks from outside systems under {@code /webhooks/}, e.g. {@code POST /webhooks/{sender}}. */
        public Builder webhooks(HttpService service) {
            this.webhooks = Objects.requireNonNull(service, "service");
            return this;
        }

        /** Handles CloudEvents of every type that has no handler of its own (a dead-letter store does). */
        public Builder anyOtherCloudEvent(CloudEventHandler handler) {
            this.anyOtherEvent = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Where deliveries are remembered so that duplicates are dropped: the grid's ledger when instances scale
         * out; by default one of this process only.
         */
        public Builder deliveryLedger(DeliveryLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        private boolean handlesEvents() {
            return !eventHandlers.isEmpty() || anyOtherEvent != null;
        }

        /**
         * Holds readiness at 503 ({@code {"state":"waiting"}}) until {@code ready} answers true: for what the process
         * starts beside the function and every request needs, as the launcher's database and keysets. A function on
         * Knative waits for nothing: its store and grid are reached lazily, and answer retryable errors meanwhile.
         */
        public Builder readyWhen(BooleanSupplier ready) {
            this.dependenciesReady = Objects.requireNonNull(ready, "ready");
            return this;
        }

        /** Tells {@code listener} when the runtime starts, drains and stops. */
        public Builder lifecycle(LifecycleListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Also sends finished spans to {@code processor} (e.g. an in-memory exporter in tests); turns tracing on. */
        public Builder spanProcessor(SpanProcessor processor) {
            spanProcessors.add(Objects.requireNonNull(processor, "processor"));
            return this;
        }

        /**
         * Telemetry built beforehand ({@link FunctionRuntime#telemetry}) instead of the runtime's own; the runtime
         * takes it over and closes it when it stops.
         */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
            return this;
        }

        /**
         * Builds the runtime, reading the environment unless {@link #settings} were given.
         *
         * @throws IllegalArgumentException naming the variable, when the environment is unusable
         */
        public FunctionRuntime build() {
            if (service == null) {
                throw new IllegalStateException("a function runtime needs a service name");
            }
            if (telemetry != null && !spanProcessors.isEmpty()) {
                throw new IllegalStateException("span processors belong to the telemetry built beforehand");
            }
            return new FunctionRuntime(this);
        }
    }
}
