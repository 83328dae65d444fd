package org.margin.runtime.mcp.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.resource.Resource;
import org.margin.runtime.mcp.resource.ResourceContents;
import org.margin.runtime.mcp.resource.ResourceReader;
import org.margin.runtime.mcp.resource.ResourceTemplate;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Serves {@code resources/read} from the registered resources, then the templates in registration order. */
final class ResourceReads {

    private static final System.Logger LOG = System.getLogger(ResourceReads.class.getName());

    private final Map<String, Resource> resources;
    private final Collection<ResourceTemplate> templates;

    ResourceReads(Map<String, Resource> resources, Collection<ResourceTemplate> templates) {
        this.resources = resources;
        this.templates = templates;
    }

    ObjectNode read(ObjectNode params, Conversation conversation) {
        String uri = Params.requiredString(params, "uri");
        List<ResourceContents> contents;
        try {
            Target target = find(uri, conversation);
            contents = target.reader().read(uri, target.variables());
        } catch (McpException rejected) {
            throw rejected;
        } catch (Exception failure) {
            if (conversation.channel().cancelled()) {
                // Whatever the interrupted reader threw on its way out is the cancellation, not a fault to log.
                throw new RequestCancelled();
            }
            LOG.log(System.Logger.Level.ERROR, "Reading a resource failed with {0}", failure.getClass().getName());
            throw new McpException(JsonRpcError.internal());
        }
        if (contents == null || contents.isEmpty()) {
            LOG.log(System.Logger.Level.ERROR, "A resource reader returned no contents");
            throw new McpException(JsonRpcError.internal());
        }
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("contents");
        contents.forEach(entry -> array.add(entry.toJson()));
        if (conversation.stateless()) {
            result.put("resultType", "complete");
            CacheHint.PRIVATE_NO_REUSE.addTo(result);
        }
        return result;
    }

    /** The reader of {@code uri}, with the template variables it matched: one pass over the templates. */
    private Target find(String uri, Conversation conversation) {
        Resource resource = resources.get(uri);
        if (resource != null) {
            return new Target(resource.reader(), Map.of());
        }
        for (ResourceTemplate template : templates) {
            Optional<Map<String, String>> matched = template.match(uri);
            if (matched.isPresent()) {
                return new Target(template.reader(), matched.get());
            }
        }
        ObjectNode data = Json.object();
        data.put("uri", uri);
        int code = conversation.stateless() ? JsonRpcError.INVALID_PARAMS : JsonRpcError.RESOURCE_NOT_FOUND_2025;
        throw new McpException(new JsonRpcError(code, "Resource not found", data));
    }

    private record Target(ResourceReader reader, Map<String, String> variables) {
    }
}
