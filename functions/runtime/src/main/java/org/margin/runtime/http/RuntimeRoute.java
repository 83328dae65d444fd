package org.margin.runtime.http;

/**
 * The closed set of routes a function runtime serves. Telemetry labels requests by these (never by the raw
 * path, which a client chooses), and the lifecycle keeps answering the infrastructure ones while it drains.
 */
public enum RuntimeRoute {
    /** The MCP endpoint (Streamable HTTP). */
    MCP("/mcp", false),
    /** CloudEvents delivered by POST to the root. */
    CLOUD_EVENTS("/", false),
    /** Webhooks from outside systems (LMSs), under {@code /webhooks/}: the segment after it names the sender. */
    WEBHOOKS("/webhooks", false),
    LIVENESS("/health/live", true),
    READINESS("/health/ready", true),
    METRICS("/metrics", true),
    /** Any path the runtime does not serve. */
    UNMATCHED(null, false);

    private final String path;
    private final boolean infrastructure;

    RuntimeRoute(String path, boolean infrastructure) {
        this.path = path;
        this.infrastructure = infrastructure;
    }

    /**
     * The path this route is mounted at, which is also its {@code http.route} in telemetry; {@code null} for
     * {@link #UNMATCHED}.
     */
    public String label() {
        return path;
    }

    /**
     * Whether the route serves the platform (probes, scraping) rather than clients: such requests are not
     * traced and are still answered while the runtime drains.
     */
    public boolean infrastructure() {
        return infrastructure;
    }
}
