package org.margin.runtime.mcp.session;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a 2025-11-25 session remembers, small enough for any instance to load per request.
 *
 * @param id                  the {@code Mcp-Session-Id}
 * @param protocolVersion     the negotiated version
 * @param clientCapabilities  what the client may be asked for
 * @param logLevel            the least severe level the client wants to receive
 * @param subscriptions       resource URIs the client subscribed to
 * @param expiresAtMillis     when the session ends unless used again
 * @param owner               a digest of the access token subject that opened the session, which alone may use it;
 *                            empty when the endpoint authenticates no one
 */
public record SessionState(String id, String protocolVersion, Set<ClientCapability> clientCapabilities,
                           LogLevel logLevel, Set<String> subscriptions, long expiresAtMillis, String owner) {

    public SessionState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        clientCapabilities = clientCapabilities.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(clientCapabilities));
        Objects.requireNonNull(logLevel, "logLevel");
        subscriptions = Set.copyOf(subscriptions);
        Objects.requireNonNull(owner, "owner");
    }

    public SessionState withLogLevel(LogLevel level) {
        return new SessionState(id, protocolVersion, clientCapabilities, level, subscriptions, expiresAtMillis, owner);
    }

    public SessionState withSubscription(String uri, boolean subscribed) {
        Set<String> updated = new TreeSet<>(subscriptions);
        if (subscribed) {
            updated.add(uri);
        } else {
            updated.remove(uri);
        }
        return new SessionState(id, protocolVersion, clientCapabilities, logLevel, updated, expiresAtMillis, owner);
    }

    public SessionState withExpiry(long expiresAtMillis) {
        return new SessionState(id, protocolVersion, clientCapabilities, logLevel, subscriptions, expiresAtMillis,
                owner);
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    /** This state as bytes, for a store shared by instances. */
    public byte[] toBytes() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("protocolVersion", protocolVersion);
        ArrayNode capabilities = node.putArray("clientCapabilities");
        clientCapabilities.forEach(capability -> capabilities.add(capability.wire()));
        node.put("logLevel", logLevel.wire());
        ArrayNode uris = node.putArray("subscriptions");
        subscriptions.forEach(uris::add);
        node.put("expiresAtMillis", expiresAtMillis);
        node.put("owner", owner);
        return Json.bytes(node);
    }

    /** Reads what {@link #toBytes()} wrote. */
    public static SessionState fromBytes(byte[] bytes) {
        JsonNode node = Json.MAPPER.readTree(bytes);
        EnumSet<ClientCapability> capabilities = EnumSet.noneOf(ClientCapability.class);
        for (JsonNode capability : node.path("clientCapabilities")) {
            for (ClientCapability known : ClientCapability.values()) {
                if (known.wire().equals(capability.asString())) {
                    capabilities.add(known);
                }
            }
        }
        Set<String> subscriptions = new TreeSet<>();
        node.path("subscriptions").forEach(uri -> subscriptions.add(uri.asString()));
        return new SessionState(node.path("id").asString(), node.path("protocolVersion").asString(), capabilities,
                LogLevel.of(node.path("logLevel").asString()).orElse(LogLevel.DEBUG), subscriptions,
                node.path("expiresAtMillis").asLong(), node.path("owner").asString(""));
    }
}
