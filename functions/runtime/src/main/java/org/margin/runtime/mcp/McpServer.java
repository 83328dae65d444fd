package org.margin.runtime.mcp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.margin.runtime.auth.ResourceServer;

import org.margin.runtime.mcp.completion.Completion;
import org.margin.runtime.mcp.engine.CacheHint;
import org.margin.runtime.mcp.engine.McpEngine;
import org.margin.runtime.mcp.engine.RequestStateCodec;
import org.margin.runtime.mcp.engine.ServerDescription;
import org.margin.runtime.mcp.prompt.Prompt;
import org.margin.runtime.mcp.resource.Resource;
import org.margin.runtime.mcp.resource.ResourceTemplate;
import org.margin.runtime.mcp.session.InMemorySessionStore;
import org.margin.runtime.mcp.session.SessionStore;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.transport.OriginGuard;
import org.margin.runtime.mcp.transport.StreamableHttpTransport;
import org.margin.runtime.telemetry.ToolCallObserver;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * An MCP server on one Streamable HTTP endpoint that speaks both the stateless 2026-07-28 revision and the
 * session-based 2025-11-25 revision, choosing per request. Register it with
 * {@code routing.register("/mcp", server)}.
 */
public final class McpServer implements HttpService {

    private final McpEngine engine;
    private final StreamableHttpTransport transport;
    private final ServerDescription description;

    private final ResourceServer resourceServer;

    private McpServer(McpEngine engine, StreamableHttpTransport transport, ServerDescription description,
                      ResourceServer resourceServer) {
        this.engine = engine;
        this.transport = transport;
        this.description = description;
        this.resourceServer = resourceServer;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(transport::handle);
    }

    /**
     * Does the one-time work of the first requests now (compiling the tools' schemas), for a caller that has a
     * moment while the server starts; a request that comes meanwhile waits for it rather than repeating it.
     * Without this call the work is done on first use.
     */
    public void prepare() {
        engine.prepare();
    }

    /** Every scope some tool requires: the {@code scopes_supported} of the protected resource metadata. */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        description.tools().forEach(tool -> scopes.addAll(tool.requiredScopes()));
        return scopes;
    }

    /** The resource server checking this endpoint's tokens; empty when it serves everyone. */
    public Optional<ResourceServer> resourceServer() {
        return Optional.ofNullable(resourceServer);
    }

    /** The RFC 9728 protected resource metadata document; empty when the endpoint has no token configuration. */
    public Optional<byte[]> protectedResourceMetadata() {
        return resourceServer().flatMap(server -> server.metadata(scopes()));
    }

    /** The name and version the server announces. */
    public String name() {
        return description.name();
    }

    public String version() {
        return description.version();
    }

    /** Assembles an {@link McpServer}; only {@link #serverInfo(String, String)} is required. */
    public static final class Builder {

        private static final ToolCallObserver OBSERVES_NOTHING = toolName -> new ToolCallObserver.ToolCall() {
            @Override
            public void failed(String kind) {
            }

            @Override
            public void close() {
            }
        };

        private String name;
        private String version;
        private String title;
        private String instructions;
        private final Map<String, Tool> tools = new LinkedHashMap<>();
        private final Map<String, Prompt> prompts = new LinkedHashMap<>();
        private final Map<String, Resource> resources = new LinkedHashMap<>();
        private final List<ResourceTemplate> templates = new ArrayList<>();
        private final Map<String, Completion> completions = new LinkedHashMap<>();
        private ToolCallObserver observer = OBSERVES_NOTHING;
        private byte[] requestStateSecret;
        private Duration requestStateLifetime = Duration.ofMinutes(10);
        private SessionStore sessionStore;
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);
        private Duration inputReplyTimeout = Duration.ofMinutes(5);
        private Set<String> allowedHosts = OriginGuard.LOOPBACK_HOSTS;
        private Set<String> allowedOrigins = Set.of();
        private int maxRequestBytes = 1024 * 1024;
        private CacheHint listCaching = new CacheHint(60_000, true);
        private Clock clock = Clock.systemUTC();
        private ResourceServer resourceServer;

        private Builder() {
        }

        /**
         * Makes the endpoint an OAuth 2.1 resource server: every request needs a valid bearer token, and a tool
         * needs its {@linkplain Tool#requiredScopes() scopes}. Without it the endpoint serves everyone, which only
         * the MCP conformance fixture may do; {@code McpMount.endpoint} always sets it for a function.
         */
        public Builder resourceServer(ResourceServer resourceServer) {
            this.resourceServer = Objects.requireNonNull(resourceServer, "resourceServer");
            return this;
        }

        public Builder serverInfo(String name, String version) {
            this.name = Objects.requireNonNull(name, "name");
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        public Builder tool(Tool tool) {
            if (tools.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("Duplicate tool " + tool.name());
            }
            return this;
        }

        public Builder prompt(Prompt prompt) {
            if (prompts.putIfAbsent(prompt.name(), prompt) != null) {
                throw new IllegalArgumentException("Duplicate prompt " + prompt.name());
            }
            return this;
        }

        public Builder resource(Resource resource) {
            if (resources.putIfAbsent(resource.uri(), resource) != null) {
                throw new IllegalArgumentException("Duplicate resource " + resource.uri());
            }
            return this;
        }

        public Builder resourceTemplate(ResourceTemplate template) {
            templates.add(Objects.requireNonNull(template, "template"));
            return this;
        }

        public Builder completion(Completion completion) {
            completions.put(completion.key(), completion);
            return this;
        }

        /** Observes every tool call (span and metrics); set by the function runtime. */
        public Builder observer(ToolCallObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * The key that signs 2026-07-28 {@code requestState}; every instance of a function must share it. At least
         * 32 bytes. Without it, a random key serves this instance only.
         */
        public Builder requestStateSecret(byte[] secret) {
            this.requestStateSecret = secret.clone();
            return this;
        }

        /** How long a client may take to answer an {@code input_required} result. */
        public Builder requestStateLifetime(Duration lifetime) {
            this.requestStateLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** Where 2025-11-25 sessions live; in memory unless set. */
        public Builder sessionStore(SessionStore store) {
            this.sessionStore = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long a 2025-11-25 request waits for the client to answer a server-to-client request. */
        public Builder inputReplyTimeout(Duration timeout) {
            this.inputReplyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Host names (without port) accepted in the Host header; loopback names unless set. */
        public Builder allowedHosts(Set<String> hosts) {
            this.allowedHosts = Set.copyOf(hosts);
            return this;
        }

        /** Origins ({@code scheme://host[:port]}) accepted from browsers; unless set, those of the allowed hosts. */
        public Builder allowedOrigins(Set<String> origins) {
            this.allowedOrigins = Set.copyOf(origins);
            return this;
        }

        /** Larger request bodies are refused with 413. */
        public Builder maxRequestBytes(int maxRequestBytes) {
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes below 1 KiB cannot hold an MCP request");
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /** The 2026-07-28 caching hint of list results and {@code server/discover}. */
        public Builder listCaching(Duration ttl, boolean publicScope) {
            this.listCaching = new CacheHint(ttl.toMillis(), publicScope);
            return this;
        }

        /** The clock of expiries; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public McpServer build() {
            if (name == null) {
                throw new IllegalStateException("serverInfo(name, version) is required");
            }
            ServerDescription description = new ServerDescription(name, version, title, instructions,
                    Collections.unmodifiableMap(new LinkedHashMap<>(tools)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(prompts)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(resources)), List.copyOf(templates),
                    Collections.unmodifiableMap(new LinkedHashMap<>(completions)), listCaching);
            byte[] secret = requestStateSecret;
            if (secret == null) {
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
            }
            SessionStore store = sessionStore == null ? new InMemorySessionStore(clock) : sessionStore;
            McpEngine engine = new McpEngine(description, new RequestStateCodec(secret, requestStateLifetime, clock),
                    observer, store);
            StreamableHttpTransport transport = new StreamableHttpTransport(engine, store,
                    new OriginGuard(allowedHosts, allowedOrigins), maxRequestBytes, sessionIdleTimeout,
                    inputReplyTimeout, clock, resourceServer);
            return new McpServer(engine, transport, description, resourceServer);
        }
    }
}
