package org.margin.runtime.mcp.content;

import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.resource.ResourceContents;

import tools.jackson.databind.node.ObjectNode;

/** A content block of a tool result or a prompt message. */
public sealed interface Content {

    ObjectNode toJson();

    static Content text(String text) {
        return new Text(text);
    }

    /** Plain text. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("type", "text");
            node.put("text", text);
            return node;
        }
    }

    /** An image, base64-encoded. */
    record Image(String base64Data, String mimeType) implements Content {
        public Image {
            Objects.requireNonNull(base64Data, "base64Data");
            Objects.requireNonNull(mimeType, "mimeType");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("type", "image");
            node.put("data", base64Data);
            node.put("mimeType", mimeType);
            return node;
        }
    }

    /** Audio, base64-encoded. */
    record Audio(String base64Data, String mimeType) implements Content {
        public Audio {
            Objects.requireNonNull(base64Data, "base64Data");
            Objects.requireNonNull(mimeType, "mimeType");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("type", "audio");
            node.put("data", base64Data);
            node.put("mimeType", mimeType);
            return node;
        }
    }

    /** A resource's contents carried inline. */
    record EmbeddedResource(ResourceContents resource) implements Content {
        public EmbeddedResource {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("type", "resource");
            node.set("resource", resource.toJson());
            return node;
        }
    }

    /** A link to a resource the client may read later. */
    record ResourceLink(String uri, String name, String mimeType) implements Content {
        public ResourceLink {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("type", "resource_link");
            node.put("uri", uri);
            node.put("name", name);
            if (mimeType != null) {
                node.put("mimeType", mimeType);
            }
            return node;
        }
    }
}
