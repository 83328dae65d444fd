package org.margin.runtime.mcp.engine;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON Schema (2020-12 unless the schema names another dialect), compiled on first use and reused for
 * every call. Problems name the location and the failed keyword, never the offending value.
 */
final class SchemaCheck {

    private static final Once<SchemaRegistry> REGISTRY =
            new Once<>(() -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12));

    private final Once<Schema> schema;
    private final boolean acceptsAnyObject;

    SchemaCheck(ObjectNode schemaNode) {
        this.schema = new Once<>(() -> REGISTRY.get().getSchema(schemaNode));
        this.acceptsAnyObject = acceptsAnyObject(schemaNode);
    }

    /**
     * Whether the schema is {@code {"type": "object"}} with at most empty {@code properties}: then every JSON object,
     * which is all the engine ever validates, passes, and the validator need not run.
     */
    private static boolean acceptsAnyObject(ObjectNode schemaNode) {
        for (String keyword : schemaNode.propertyNames()) {
            boolean harmless = switch (keyword) {
                case "type" -> "object".equals(schemaNode.get(keyword).asString(""));
                case "properties" -> schemaNode.get(keyword).isObject() && schemaNode.get(keyword).isEmpty();
                case "$schema", "title", "description" -> true;
                default -> false;
            };
            if (!harmless) {
                return false;
            }
        }
        return true;
    }

    /** Compiles the schema now, if it will ever need the validator, rather than on the first call. */
    void prepare() {
        if (!acceptsAnyObject) {
            schema.get();
        }
    }

    /** What is wrong with {@code instance}, which is always a JSON object for arguments and structured content. */
    List<String> problems(JsonNode instance) {
        if (acceptsAnyObject && instance.isObject()) {
            return List.of();
        }
        List<Error> errors = schema.get().validate(instance);
        if (errors.isEmpty()) {
            return List.of();
        }
        return errors.stream()
                .map(error -> {
                    String location = error.getInstanceLocation().toString();
                    String where = location.isEmpty() || "$".equals(location) ? "arguments" : location;
                    return where + " fails '" + error.getKeyword() + "'";
                })
                .distinct()
                .toList();
    }
}
