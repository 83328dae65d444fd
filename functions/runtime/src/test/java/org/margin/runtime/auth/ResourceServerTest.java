package org.margin.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * A function's MCP endpoint as an OAuth 2.1 resource server, over real HTTP: every way a token can be wrong gets
 * 401 (400 for a token in the URI) with the right challenge, a missing scope gets 403 naming it, and a valid
 * token's caller reaches the tool in both revisions.
 */
class ResourceServerTest {

    static final String RESOURCE = "https://profiling.example.org/mcp";
    static final String METADATA = "https://profiling.example.org/.well-known/oauth-protected-resource/mcp";
    static final String ISSUER = "https://auth.example.org";
    static final UUID TENANT = UUID.randomUUID();
    static final UUID EDUCATOR = UUID.randomUUID();

    static final DevTokens issuer = DevTokens.generate(ISSUER);
    static final List<String> logged = new ArrayList<>();
    static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    static FunctionRuntime runtime;
    static LoopbackHttp http;

    @BeforeAll
    static void start() {
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("").setLevel(Level.ALL);
        runtime = runtime(Map.of("PORT", "0", "MARGIN_JWKS", issuer.jwks(), "MARGIN_TOKEN_ISSUER", ISSUER,
                "MARGIN_RESOURCE_URI", RESOURCE));
        http = new LoopbackHttp(runtime.port());
    }

    @AfterAll
    static void stop() {
        runtime.stop();
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(Level.INFO);
    }

    static FunctionRuntime runtime(Map<String, String> env) {
        return FunctionRuntime.builder().service("auth-test", "1")
                .settings(RuntimeSettings.fromEnvironment(env).withShutdownGrace(Duration.ZERO))
                .declareTools("whoami", "define_rule")
                .mcp(mount -> mount.endpoint(McpServer.builder().serverInfo("auth-test", "1")
                        .tool(Tool.builder("whoami").description("Names the caller")
                                .requiredScopes("profiles:read")
                                .handler(context -> ToolResult.text(context.caller()
                                        .map(caller -> caller.role() + " "
                                                + caller.person().map(UUID::toString).orElse("-") + " "
                                                + caller.tenant().map(UUID::toString).orElse("-"))
                                        .orElse("nobody")))
                                .build())
                        .tool(Tool.builder("define_rule").description("Needs a write scope")
                                .requiredScopes("alerts:write")
                                .handler(context -> ToolResult.text("defined"))
                                .build())))
                .build().start();
    }

    static DevTokens.Grant educator(String... scopes) {
        return DevTokens.Grant.person(RESOURCE, Role.EDUCATOR, TENANT, EDUCATOR, List.of(scopes));
    }

    static String valid() {
        return issuer.issue(educator("profiles:read"));
    }

    // --- refusals -------------------------------------------------------------------------------------------

    @Test
    void noTokenGets401PointingToTheMetadata() {
        HttpResponse<String> response = callWhoami(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer resource_metadata=\"" + METADATA + "\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.MAPPER.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void everyMethodNeedsAToken() {
        assertThat(http.method("DELETE", "/mcp").statusCode()).isEqualTo(401);
        assertThat(http.get("/mcp").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsInvalid() throws Exception {
        DevTokens stranger = DevTokens.generate(ISSUER);
        assertInvalid(stranger.issue(educator("profiles:read")));
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(issuer.keyId()).build(),
                issuer.claims(educator("profiles:read")).build());
        forged.sign(new ECDSASigner(other));
        assertInvalid(forged.serialize());
    }

    @Test
    void anAlteredTokenIsInvalid() {
        String token = valid();
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String escalated = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("educator", "administrator").getBytes());
        assertInvalid(parts[0] + "." + escalated + "." + parts[2]);
    }

    @Test
    void expiredAndNotYetValidTokensAreInvalid() {
        Instant now = Instant.now();
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read"))
                .issueTime(Date.from(now.minusSeconds(7200)))
                .notBeforeTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(120))).build()));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read"))
                .notBeforeTime(Date.from(now.plusSeconds(600))).build()));
    }

    @Test
    void aTokenWithinTheClockSkewIsAccepted() {
        Instant now = Instant.now();
        String justExpired = issuer.sign(issuer.claims(educator("profiles:read"))
                .expirationTime(Date.from(now.minusSeconds(5))).build());
        assertThat(callWhoami(justExpired).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongIssuerOrAudienceIsInvalid() {
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).issuer("https://evil.example.org").build()));
        assertInvalid(issuer.issue(DevTokens.Grant.person("https://alerts.example.org/mcp", Role.EDUCATOR, TENANT,
                EDUCATOR, List.of("profiles:read"))));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).audience((String) null).build()));
    }

    @Test
    void unsignedAndSymmetricTokensAreInvalid() throws Exception {
        JWTClaimsSet claims = issuer.claims(educator("profiles:read")).build();
        assertInvalid(new PlainJWT(claims).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.keyId()).build(), claims);
        hmac.sign(new MACSigner(new byte[32]));
        assertInvalid(hmac.serialize());
    }

    @Test
    void tokensWithoutMarginsClaimsAreInvalid() {
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).claim("margin_tenant", null).build()));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).claim("margin_person", null).build()));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).claim("margin_role", "superuser").build()));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).claim("margin_role", null).build()));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).claim("margin_tenant", "t-1").build()));
        assertInvalid(issuer.sign(issuer.claims(educator("profiles:read")).subject(null).build()));
        assertInvalid("not-a-jwt");
        HttpResponse<String> service = callWhoami(issuer.issue(
                DevTokens.Grant.service(RESOURCE, "student-profiling", List.of("profiles:read"))));
        assertThat(text(service)).as("a service needs no tenant or person").isEqualTo("SERVICE - -");
    }

    @Test
    void aTokenInTheQueryStringIsRefused() {
        HttpResponse<String> response = http.post("/mcp?access_token=" + valid(), statelessHeaders("whoami", valid()),
                toolCall("whoami"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_request\"").contains("resource_metadata=\"" + METADATA + "\"");
    }

    @Test
    void aMissingScopeGets403NamingIt() {
        HttpResponse<String> response = call("define_rule", valid());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer error=\"insufficient_scope\", scope=\"alerts:write\", resource_metadata=\"" + METADATA + "\"");
        assertThat(Json.MAPPER.readTree(response.body()).path("id").asInt()).isEqualTo(1);
    }

    // --- what is served ---------------------------------------------------------------------------------------

    @Test
    void theProtectedResourceMetadataNamesResourceServersAndScopes() {
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = Json.MAPPER.readTree(response.body());
            assertThat(document.path("resource").asString()).isEqualTo(RESOURCE);
            assertThat(document.path("authorization_servers").get(0).asString()).isEqualTo(ISSUER);
            assertThat(document.path("scopes_supported").toString()).isEqualTo("[\"alerts:write\",\"profiles:read\"]");
            assertThat(document.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        }
    }

    @Test
    void theCallerReachesTheToolInTheStatelessRevision() {
        HttpResponse<String> response = callWhoami(valid());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("EDUCATOR " + EDUCATOR + " " + TENANT);
    }

    @Test
    void toolsListShowsOnlyTheToolsTheCallerMayCall() {
        HttpResponse<String> narrow = http.post("/mcp", statelessHeaders("tools/list", null, valid()),
                request("tools/list", statelessParams()));
        assertThat(Json.MAPPER.readTree(narrow.body()).path("result").path("tools").findValuesAsString("name"))
                .containsExactly("whoami");
        assertThat(Json.MAPPER.readTree(narrow.body()).path("result").path("cacheScope").asString()).isEqualTo("private");
        HttpResponse<String> wide = http.post("/mcp",
                statelessHeaders("tools/list", null, issuer.issue(educator("profiles:read", "alerts:write"))),
                request("tools/list", statelessParams()));
        assertThat(Json.MAPPER.readTree(wide.body()).path("result").path("tools").findValuesAsString("name"))
                .containsExactly("whoami", "define_rule");
    }

    @Test
    void theCallerReachesTheToolInTheSessionRevisionAndTheSessionIsItsOwn() {
        String token = valid();
        String session = initialize(token);
        HttpResponse<String> own = sessionCall(session, token);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(text(own)).isEqualTo("EDUCATOR " + EDUCATOR + " " + TENANT);

        String sameSubjectNewToken = issuer.issue(educator("profiles:read"));
        assertThat(sessionCall(session, sameSubjectNewToken).statusCode()).isEqualTo(200);

        UUID other = UUID.randomUUID();
        String intruder = issuer.issue(DevTokens.Grant.person(RESOURCE, Role.EDUCATOR, TENANT, other,
                List.of("profiles:read")));
        assertThat(sessionCall(session, intruder).statusCode()).isEqualTo(404);
        assertThat(http.send(http.request("/mcp", Map.of("Mcp-Session-Id", session, "Authorization",
                "Bearer " + intruder)).DELETE().build()).statusCode()).isEqualTo(404);
        assertThat(sessionCall(session, token).statusCode()).as("the intruder ended nothing").isEqualTo(200);
    }

    @Test
    void anEndpointWithoutTokenConfigurationRefusesEveryRequest() {
        try (FunctionRuntime unconfigured = runtime(Map.of("PORT", "0"))) {
            LoopbackHttp local = new LoopbackHttp(unconfigured.port());
            HttpResponse<String> response = local.post("/mcp", statelessHeaders("whoami", valid()), toolCall("whoami"));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
            assertThat(local.get("/.well-known/oauth-protected-resource").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aFunctionServingMcpOnKnativeWithoutTokenConfigurationRefusesToStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime(Map.of("PORT", "0",
                        "K_SERVICE", "profiling", "MARGIN_REQUEST_STATE_SECRET",
                        "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==")))
                .hasMessageContaining("MARGIN_JWKS_URI");
    }

    @Test
    void noTokenOrClaimValueIsLogged() {
        String token = valid();
        callWhoami(token);
        callWhoami(token.substring(0, token.length() - 4) + "AAAA");
        call("define_rule", token);
        synchronized (logged) {
            assertThat(logged).noneMatch(line -> line.contains(token.substring(20, 60))
                    || line.contains(EDUCATOR.toString()) || line.contains(TENANT.toString()));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    static void assertInvalid(String token) {
        HttpResponse<String> response = callWhoami(token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"")
                .endsWith("resource_metadata=\"" + METADATA + "\"");
    }

    static HttpResponse<String> callWhoami(String token) {
        return call("whoami", token);
    }

    static HttpResponse<String> call(String tool, String token) {
        return http.post("/mcp", statelessHeaders(tool, token), toolCall(tool));
    }

    static Map<String, String> statelessHeaders(String tool, String token) {
        return statelessHeaders("tools/call", tool, token);
    }

    static Map<String, String> statelessHeaders(String method, String tool, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        if (tool != null) {
            headers.put("Mcp-Name", tool);
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    static String statelessParams() {
        return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    }

    static String toolCall(String tool) {
        return request("tools/call", "\"name\":\"" + tool + "\",\"arguments\":{}," + statelessParams());
    }

    static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{" + params + "}}";
    }

    static String initialize(String token) {
        HttpResponse<String> response = http.post("/mcp", Map.of("Content-Type", "application/json",
                        "Accept", "application/json, text/event-stream", "Authorization", "Bearer " + token),
                request("initialize", "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    static HttpResponse<String> sessionCall(String session, String token) {
        return http.post("/mcp", Map.of("Content-Type", "application/json",
                        "Accept", "application/json, text/event-stream", "Authorization", "Bearer " + token,
                        "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"),
                request("tools/call", "\"name\":\"whoami\",\"arguments\":{}"));
    }

    static String text(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body()).path("result").path("content").get(0).path("text").asString();
    }
}
