package org.margin.runtime.mcp.engine;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals and opens the {@code requestState} of 2026-07-28 {@code input_required} results: the payload is
 * base64url JSON followed by an HMAC-SHA256 tag under the server's secret, so that any instance sharing the
 * secret accepts it and the client can neither forge nor alter it. It expires.
 */
public final class RequestStateCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    public RequestStateCodec(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The requestState secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** What a sealed state carries from one round of a request to the next. */
    public record Sealed(String target, int round, List<String> keys, ObjectNode handlerState) {
    }

    public String seal(Sealed state) {
        ObjectNode payload = Json.object();
        payload.put("t", state.target());
        payload.put("r", state.round());
        state.keys().forEach(payload.putArray("k")::add);
        payload.set("s", state.handlerState());
        payload.put("e", clock.millis() + lifetime.toMillis());
        byte[] body = Json.bytes(payload);
        return ENCODER.encodeToString(body) + '.' + ENCODER.encodeToString(tag(body));
    }

    /**
     * Opens a state sealed for {@code target}.
     *
     * @throws McpException with invalid params when it was altered, forged, sealed for another request or expired
     */
    public Sealed open(String sealed, String target) {
        int dot = sealed.indexOf('.');
        byte[] body;
        byte[] tag;
        try {
            if (dot <= 0 || dot != sealed.lastIndexOf('.')) {
                throw rejected();
            }
            body = DECODER.decode(sealed.substring(0, dot));
            tag = DECODER.decode(sealed.substring(dot + 1));
        } catch (IllegalArgumentException malformed) {
            throw rejected();
        }
        if (!MessageDigest.isEqual(tag, tag(body))) {
            throw rejected();
        }
        JsonNode payload = Json.MAPPER.readTree(body);
        if (!target.equals(payload.path("t").asString(""))) {
            throw new McpException(JsonRpcError.invalidParams("requestState belongs to another request"));
        }
        if (clock.millis() > payload.path("e").asLong(0)) {
            throw new McpException(JsonRpcError.invalidParams("requestState has expired; send the request again without it"));
        }
        List<String> keys = new ArrayList<>();
        payload.path("k").forEach(keyNode -> keys.add(keyNode.asString()));
        JsonNode handlerState = payload.get("s");
        return new Sealed(target, payload.path("r").asInt(0), keys,
                handlerState instanceof ObjectNode object ? object : Json.object());
    }

    private static McpException rejected() {
        return new McpException(JsonRpcError.invalidParams("requestState failed its integrity check"));
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", unavailable);
        }
    }
}
