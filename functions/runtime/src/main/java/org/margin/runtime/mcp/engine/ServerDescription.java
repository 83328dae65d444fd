package org.margin.runtime.mcp.engine;

import java.util.Collection;
import java.util.Map;

import org.margin.runtime.mcp.completion.Completion;
import org.margin.runtime.mcp.prompt.Prompt;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.Revision;
import org.margin.runtime.mcp.resource.Resource;
import org.margin.runtime.mcp.resource.ResourceTemplate;
import org.margin.runtime.mcp.tool.Tool;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a server offers, as its builder assembled it. Maps keep registration order, which is the order of the
 * list results.
 */
public record ServerDescription(String name, String version, String title, String instructions,
                                Map<String, Tool> toolsByName, Map<String, Prompt> promptsByName,
                                Map<String, Resource> resourcesByUri, Collection<ResourceTemplate> templates,
                                Map<String, Completion> completionsByKey, CacheHint listCaching) {

    public Collection<Tool> tools() {
        return toolsByName.values();
    }

    public Collection<Prompt> prompts() {
        return promptsByName.values();
    }

    public Collection<Resource> resources() {
        return resourcesByUri.values();
    }

    public ObjectNode serverInfo() {
        ObjectNode info = Json.object();
        info.put("name", name);
        info.put("version", version);
        if (title != null) {
            info.put("title", title);
        }
        return info;
    }

    /** The capabilities to declare; list-change and resource-update notifications are not offered. */
    public ObjectNode capabilities(Revision revision) {
        ObjectNode capabilities = Json.object();
        capabilities.putObject("logging");
        if (!completionsByKey.isEmpty()) {
            capabilities.putObject("completions");
        }
        if (!promptsByName.isEmpty()) {
            capabilities.putObject("prompts");
        }
        if (!resourcesByUri.isEmpty() || !templates.isEmpty()) {
            ObjectNode resources = capabilities.putObject("resources");
            if (!revision.stateless()) {
                resources.put("subscribe", true);
            }
        }
        if (!toolsByName.isEmpty()) {
            capabilities.putObject("tools");
        }
        return capabilities;
    }
}
