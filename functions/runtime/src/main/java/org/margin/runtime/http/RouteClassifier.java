package org.margin.runtime.http;

/**
 * Finds which {@link RuntimeRoute} a request path belongs to, among the routes one runtime has mounted.
 *
 * @param mcpMounted         whether this runtime serves MCP
 * @param cloudEventsMounted whether this runtime accepts CloudEvents
 * @param webhooksMounted    whether this runtime takes webhooks
 */
public record RouteClassifier(boolean mcpMounted, boolean cloudEventsMounted, boolean webhooksMounted) {

    private static final RuntimeRoute[] INFRASTRUCTURE = {
            RuntimeRoute.LIVENESS, RuntimeRoute.READINESS, RuntimeRoute.METRICS};

    /** The route of {@code path} (a decoded request path, starting with {@code /}). */
    public RuntimeRoute classify(String path) {
        if (path.equals(RuntimeRoute.CLOUD_EVENTS.label())) {
            return cloudEventsMounted ? RuntimeRoute.CLOUD_EVENTS : RuntimeRoute.UNMATCHED;
        }
        String mcp = RuntimeRoute.MCP.label();
        if (path.startsWith(mcp) && (path.length() == mcp.length() || path.charAt(mcp.length()) == '/')) {
            return mcpMounted ? RuntimeRoute.MCP : RuntimeRoute.UNMATCHED;
        }
        String webhooks = RuntimeRoute.WEBHOOKS.label();
        if (path.startsWith(webhooks) && (path.length() == webhooks.length() || path.charAt(webhooks.length()) == '/')) {
            return webhooksMounted ? RuntimeRoute.WEBHOOKS : RuntimeRoute.UNMATCHED;
        }
        for (RuntimeRoute route : INFRASTRUCTURE) {
            if (path.equals(route.label())) {
                return route;
            }
        }
        return RuntimeRoute.UNMATCHED;
    }
}
