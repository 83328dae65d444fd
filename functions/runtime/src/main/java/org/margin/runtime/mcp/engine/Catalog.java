package org.margin.runtime.mcp.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.Revision;
import org.margin.runtime.mcp.tool.Tool;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's list results, serialised once per revision on first use: they never change while it runs.
 * In 2026-07-28 they carry {@code resultType} and the caching hints {@code ttlMs} and {@code cacheScope}.
 */
final class Catalog {

    private final Once<byte[]> statelessTools;
    private final Once<byte[]> sessionTools;
    private final Once<byte[]> statelessPrompts;
    private final Once<byte[]> sessionPrompts;
    private final Once<byte[]> statelessResources;
    private final Once<byte[]> sessionResources;
    private final Once<byte[]> statelessTemplates;
    private final Once<byte[]> sessionTemplates;
    private final Once<byte[]> discover;
    private final ServerDescription server;
    private final Map<String, byte[]> toolsByScopes = new ConcurrentHashMap<>();

    Catalog(ServerDescription server) {
        this.server = server;
        statelessTools = list(server.tools(), "tools", tool -> tool.toJson(), server, true);
        sessionTools = list(server.tools(), "tools", tool -> tool.toJson(), server, false);
        statelessPrompts = list(server.prompts(), "prompts", prompt -> prompt.toJson(), server, true);
        sessionPrompts = list(server.prompts(), "prompts", prompt -> prompt.toJson(), server, false);
        statelessResources = list(server.resources(), "resources", resource -> resource.toJson(), server, true);
        sessionResources = list(server.resources(), "resources", resource -> resource.toJson(), server, false);
        statelessTemplates = list(server.templates(), "resourceTemplates", template -> template.toJson(), server, true);
        sessionTemplates = list(server.templates(), "resourceTemplates", template -> template.toJson(), server, false);
        discover = new Once<>(() -> Json.bytes(discoverResult(server)));
    }

    byte[] tools(Revision revision) {
        return (revision.stateless() ? statelessTools : sessionTools).get();
    }

    /**
     * The tools {@code caller} may call, those whose every required scope its token grants. Serialised once per
     * revision and set of visible tools; in 2026-07-28 the result is marked private, since it depends on the token.
     */
    byte[] tools(Revision revision, Caller caller) {
        List<Tool> visible = new ArrayList<>();
        BitSet shown = new BitSet();
        int index = 0;
        for (Tool tool : server.tools()) {
            if (caller.scopes().containsAll(tool.requiredScopes())) {
                visible.add(tool);
                shown.set(index);
            }
            index++;
        }
        String key = (revision.stateless() ? "stateless" : "session") + shown;
        return toolsByScopes.computeIfAbsent(key, unused -> {
            ObjectNode result = Json.object();
            ArrayNode array = result.putArray("tools");
            visible.forEach(tool -> array.add(tool.toJson()));
            if (revision.stateless()) {
                result.put("resultType", "complete");
                new CacheHint(server.listCaching().ttlMs(), false).addTo(result);
            }
            return Json.bytes(result);
        });
    }

    byte[] prompts(Revision revision) {
        return (revision.stateless() ? statelessPrompts : sessionPrompts).get();
    }

    byte[] resources(Revision revision) {
        return (revision.stateless() ? statelessResources : sessionResources).get();
    }

    byte[] templates(Revision revision) {
        return (revision.stateless() ? statelessTemplates : sessionTemplates).get();
    }

    byte[] discover() {
        return discover.get();
    }

    private static <T> Once<byte[]> list(Collection<T> items, String member, Function<T, ObjectNode> toJson,
                                        ServerDescription server, boolean stateless) {
        return new Once<>(() -> {
            ObjectNode result = Json.object();
            ArrayNode array = result.putArray(member);
            items.forEach(item -> array.add(toJson.apply(item)));
            if (stateless) {
                result.put("resultType", "complete");
                server.listCaching().addTo(result);
            }
            return Json.bytes(result);
        });
    }

    private static ObjectNode discoverResult(ServerDescription server) {
        ObjectNode result = Json.object();
        result.put("resultType", "complete");
        ArrayNode versions = result.putArray("supportedVersions");
        Revision.SUPPORTED.forEach(versions::add);
        result.set("capabilities", server.capabilities(Revision.V2026_07_28));
        if (server.instructions() != null) {
            result.put("instructions", server.instructions());
        }
        server.listCaching().addTo(result);
        result.putObject("_meta").set("io.modelcontextprotocol/serverInfo", server.serverInfo());
        return result;
    }
}
