package org.margin.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;

import com.sun.net.httpserver.HttpServer;

/**
 * Keys fetched from {@code MARGIN_JWKS_URI}: fetched once and cached, fetched again when a token names a key id
 * the cache does not know (the authorization server rotated its key), and a 503 when they cannot be fetched.
 */
class RotatingKeysTest {

    static final String ISSUER = "https://auth.example.org";

    @Test
    void anUnknownKeyIdFetchesTheKeysAgainAndTheRotatedKeyIsAccepted() throws IOException {
        DevTokens before = DevTokens.generate(ISSUER);
        DevTokens after = DevTokens.generate(ISSUER);
        AtomicReference<String> published = new AtomicReference<>(before.jwks());
        AtomicInteger fetches = new AtomicInteger();
        HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
        try (FunctionRuntime runtime = ResourceServerTest.runtime(Map.of("PORT", "0",
                "MARGIN_JWKS_URI", "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks.json",
                "MARGIN_TOKEN_ISSUER", ISSUER, "MARGIN_RESOURCE_URI", ResourceServerTest.RESOURCE))) {
            LoopbackHttp http = new LoopbackHttp(runtime.port());
            assertThat(fetches).as("keys are fetched on the first token, not at start").hasValue(0);

            assertThat(call(http, before.issue(grant())).statusCode()).isEqualTo(200);
            assertThat(call(http, before.issue(grant())).statusCode()).isEqualTo(200);
            assertThat(fetches).as("cached").hasValue(1);

            published.set(after.jwks());
            assertThat(call(http, after.issue(grant())).statusCode()).isEqualTo(200);
            assertThat(fetches).as("fetched again for the unknown key id").hasValue(2);
            assertThat(call(http, before.issue(grant())).statusCode()).as("the retired key").isEqualTo(401);
        } finally {
            keys.stop(0);
        }
    }

    @Test
    void keysThatCannotBeFetchedGive503() {
        DevTokens issuer = DevTokens.generate(ISSUER);
        try (FunctionRuntime runtime = ResourceServerTest.runtime(Map.of("PORT", "0",
                "MARGIN_JWKS_URI", "http://127.0.0.1:9/jwks.json",
                "MARGIN_TOKEN_ISSUER", ISSUER, "MARGIN_RESOURCE_URI", ResourceServerTest.RESOURCE))) {
            HttpResponse<String> response = call(new LoopbackHttp(runtime.port()), issuer.issue(grant()));
            assertThat(response.statusCode()).isEqualTo(503);
        }
    }

    static DevTokens.Grant grant() {
        return new DevTokens.Grant(UUID.randomUUID().toString(), ResourceServerTest.RESOURCE, Role.ADMINISTRATOR,
                java.util.Optional.of(UUID.randomUUID()), java.util.Optional.empty(), List.of("profiles:read"),
                Duration.ofMinutes(5));
    }

    static HttpResponse<String> call(LoopbackHttp http, String token) {
        return http.post("/mcp", ResourceServerTest.statelessHeaders("whoami", token),
                ResourceServerTest.toolCall("whoami"));
    }
}
