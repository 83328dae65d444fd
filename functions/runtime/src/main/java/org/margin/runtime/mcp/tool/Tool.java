package org.margin.runtime.mcp.tool;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * A tool: its description for {@code tools/list} and its handler.
 *
 * @param name         unique name, 1-128 characters of {@code [A-Za-z0-9_.-]}
 * @param title        display title, or {@code null}
 * @param description  what it does, for the model
 * @param inputSchema  JSON Schema 2020-12 of its arguments; an object schema
 * @param outputSchema JSON Schema 2020-12 of its structured content, or {@code null}
 * @param annotations  behaviour hints, or {@code null}
 * @param handler      the code
 * @param requiredScopes the OAuth scopes a caller needs, all of them, to call it (and to see it in
 *                     {@code tools/list}); empty for none
 */
public record Tool(String name, String title, String description, ObjectNode inputSchema, ObjectNode outputSchema,
                   ToolAnnotations annotations, ToolHandler handler, List<String> requiredScopes) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public Tool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Tool names are 1-128 characters of [A-Za-z0-9_.-]: " + name);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(handler, "handler");
        requiredScopes = List.copyOf(requiredScopes);
        for (String scope : requiredScopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException("A scope is 1-64 characters of [A-Za-z0-9_.:-]: " + name);
            }
        }
        if (!"object".equals(inputSchema.path("type").asString(""))) {
            throw new IllegalArgumentException("A tool's inputSchema must have type 'object': " + name);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** An input schema for a tool without arguments. */
    public static ObjectNode noArguments() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    /** This tool as an entry of {@code tools/list}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        node.put("description", description);
        node.set("inputSchema", inputSchema);
        if (outputSchema != null) {
            node.set("outputSchema", outputSchema);
        }
        if (annotations != null) {
            node.set("annotations", annotations.toJson());
        }
        return node;
    }

    /** Builds a {@link Tool}; only name, description and handler are required. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private ObjectNode inputSchema = noArguments();
        private ObjectNode outputSchema;
        private ToolAnnotations annotations;
        private ToolHandler handler;
        private List<String> requiredScopes = List.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder inputSchema(ObjectNode inputSchema) {
            this.inputSchema = inputSchema;
            return this;
        }

        public Builder outputSchema(ObjectNode outputSchema) {
            this.outputSchema = outputSchema;
            return this;
        }

        public Builder annotations(ToolAnnotations annotations) {
            this.annotations = annotations;
            return this;
        }

        public Builder handler(ToolHandler handler) {
            this.handler = handler;
            return this;
        }

        /** The scopes a caller's token must grant, all of them, to call this tool. */
        public Builder requiredScopes(String... scopes) {
            this.requiredScopes = List.of(scopes);
            return this;
        }

        public Tool build() {
            return new Tool(name, title, description, inputSchema, outputSchema, annotations, handler, requiredScopes);
        }
    }
}
