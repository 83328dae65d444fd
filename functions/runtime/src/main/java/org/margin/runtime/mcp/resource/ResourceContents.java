package org.margin.runtime.mcp.resource;

import java.util.Objects;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/** What reading a resource returns: text or a base64 blob. */
public sealed interface ResourceContents {

    String uri();

    ObjectNode toJson();

    /** Text contents. */
    record Text(String uri, String mimeType, String text) implements ResourceContents {
        public Text {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("uri", uri);
            if (mimeType != null) {
                node.put("mimeType", mimeType);
            }
            node.put("text", text);
            return node;
        }
    }

    /** Binary contents, base64-encoded. */
    record Blob(String uri, String mimeType, String base64Blob) implements ResourceContents {
        public Blob {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(base64Blob, "base64Blob");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("uri", uri);
            if (mimeType != null) {
                node.put("mimeType", mimeType);
            }
            node.put("blob", base64Blob);
            return node;
        }
    }
}
