package org.margin.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The catalogue's schemas, each compiled on first use. Formats ({@code uuid}, {@code date-time}) are asserted, not
 * only annotated. Problems name the location and the failed keyword, never the offending value.
 */
final class SchemaCheck {

    private static volatile SchemaRegistry registry;
    private static final Map<EventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    static List<String> problems(EventType type, JsonNode data) {
        List<Error> errors = SCHEMAS.computeIfAbsent(type, SchemaCheck::load).validate(data);
        return errors.stream()
                .map(error -> {
                    String location = error.getInstanceLocation().toString();
                    String where = location.isEmpty() || "$".equals(location) ? "data" : location;
                    return where + " fails '" + error.getKeyword() + "'";
                })
                .distinct()
                .toList();
    }

    /** The schema document of {@code type}, as shipped in this module. */
    static JsonNode document(EventType type) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing for " + type.type());
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(EventType type) {
        return registry().getSchema(document(type));
    }

    private static SchemaRegistry registry() {
        SchemaRegistry current = registry;
        if (current == null) {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            current = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config));
            registry = current;
        }
        return current;
    }
}
