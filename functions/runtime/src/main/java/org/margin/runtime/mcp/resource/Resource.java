package org.margin.runtime.mcp.resource;

import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * A resource listed by {@code resources/list}.
 *
 * @param uri         its URI
 * @param name        its name
 * @param title       a display title, or {@code null}
 * @param description what it holds, or {@code null}
 * @param mimeType    its MIME type, or {@code null}
 * @param reader      reads it
 */
public record Resource(String uri, String name, String title, String description, String mimeType,
                       ResourceReader reader) {

    public Resource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }

    public static Resource of(String uri, String name, String description, String mimeType, ResourceReader reader) {
        return new Resource(uri, name, null, description, mimeType, reader);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("uri", uri);
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
