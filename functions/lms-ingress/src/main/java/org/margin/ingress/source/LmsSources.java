package org.margin.ingress.source;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.margin.events.Lms;
import org.margin.events.lms.LmsSource;
import org.margin.runtime.mcp.protocol.Json;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The LMSs that may send webhooks, from {@code MARGIN_LMS_SOURCES} (on Knative, from a Secret): a JSON array of
 * <pre>{@code
 * {"id": "moodle-north", "institutionId": "<uuid>", "lms": "moodle", "hmacSecrets": ["<base64>", ...]}
 * {"id": "canvas-north", "institutionId": "<uuid>", "lms": "canvas",
 *  "jwksUrl": "https://.../jwks" | "jwks": {"keys": [...]}, "issuer": "..."}
 * }</pre>
 * A source may have both kinds of trust. Errors name the entry and field, never a secret.
 */
public final class LmsSources {

    public static final String VARIABLE = "MARGIN_LMS_SOURCES";

    private LmsSources() {
    }

    /** @throws IllegalArgumentException naming the variable and the entry, when the configuration is unusable */
    public static List<LmsSource> fromEnvironment(Map<String, String> env) {
        String json = env.get(VARIABLE);
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode entries;
        try {
            entries = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(VARIABLE + " is not JSON");
        }
        if (!entries.isArray()) {
            throw new IllegalArgumentException(VARIABLE + " must be a JSON array of sources");
        }
        List<LmsSource> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : entries) {
            LmsSource source = source(entry, VARIABLE + "[" + index++ + "]");
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException(VARIABLE + " names source " + source.id() + " twice");
            }
            sources.add(source);
        }
        return List.copyOf(sources);
    }

    private static LmsSource source(JsonNode entry, String where) {
        String id = text(entry, "id", where);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(where + ".id must be lower-case letters, digits and dashes");
        }
        UUID institution;
        try {
            institution = UUID.fromString(text(entry, "institutionId", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".institutionId is not a UUID");
        }
        Lms lms = Lms.fromWireName(text(entry, "lms", where))
                .orElseThrow(() -> new IllegalArgumentException(where + ".lms is none of canvas, moodle, caliper, xapi"));
        LmsSource.Builder builder = LmsSource.builder(id, institution, lms);
        for (JsonNode secret : entry.path("hmacSecrets")) {
            try {
                builder.hmacSecret(Base64.getDecoder().decode(secret.asString()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".hmacSecrets holds a value that is not base64");
            }
        }
        String issuer = entry.path("issuer").asString(null);
        if (entry.hasNonNull("jwks")) {
            try {
                builder.jwtKeys(JWKSet.parse(Json.MAPPER.writeValueAsString(entry.get("jwks"))), issuer);
            } catch (ParseException e) {
                throw new IllegalArgumentException(where + ".jwks is not a JWK set");
            }
        } else if (entry.hasNonNull("jwksUrl")) {
            try {
                builder.jwtKeys(JWKSourceBuilder.create(URI.create(entry.get("jwksUrl").asString()).toURL()).build(),
                        issuer);
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".jwksUrl is not a URL");
            }
        }
        try {
            return builder.build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is required");
        }
        return value.asString();
    }
}
