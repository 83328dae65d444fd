package org.margin.runtime.mcp.resource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * A family of resources addressed by an RFC 6570 level-1 URI template such as {@code test://template/{id}/data}.
 *
 * @param uriTemplate the template
 * @param name        its name
 * @param title       a display title, or {@code null}
 * @param description what its resources hold, or {@code null}
 * @param mimeType    the MIME type of its resources, or {@code null}
 * @param reader      reads one resource of the family
 */
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType,
                               ResourceReader reader) {

    public ResourceTemplate {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        UriTemplate.compile(uriTemplate);
    }

    public static ResourceTemplate of(String uriTemplate, String name, String description, String mimeType,
                                      ResourceReader reader) {
        return new ResourceTemplate(uriTemplate, name, null, description, mimeType, reader);
    }

    /** The variables of {@code uri} if it belongs to this template. */
    public Optional<Map<String, String>> match(String uri) {
        return UriTemplate.compile(uriTemplate).match(uri);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("uriTemplate", uriTemplate);
        node.put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        if (description != null) {
            node.put("description", description);
        }
        if (mimeType != null) {
            node.put("mimeType", mimeType);
        }
        return node;
    }
}
