package org.margin.launcher.devauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.margin.runtime.auth.AccessTokenSettings;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.auth.TokenVerifier;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;

/** The local development issuer: off unless asked for, and its tokens pass the functions' own verification. */
class DevTokenIssuerTest {

    static final URI PROFILING = URI.create("http://127.0.0.1:8082/mcp");
    static final Map<String, URI> RESOURCES = Map.of("student-profiling", PROFILING);
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesToStartUnlessExplicitlyEnabled() {
        assertThatThrownBy(() -> DevTokenIssuer.start(List.of(), Map.of(), freePort(), RESOURCES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--dev-tokens");
        assertThatThrownBy(() -> DevTokenIssuer.start(List.of(), Map.of("MARGIN_DEV_TOKENS", "yes"), freePort(),
                RESOURCES)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevTokenIssuer.start(List.of("--dev-tokens"), Map.of("K_SERVICE", "profiling"),
                freePort(), RESOURCES)).hasMessageContaining("Knative");
    }

    @Test
    void issuesTokensThatAFunctionAccepts() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(List.of(), Map.of("MARGIN_DEV_TOKENS", "enabled"),
                freePort(), RESOURCES)) {
            String base = "http://127.0.0.1:" + issuer.port();
            JsonNode metadata = get(base + "/.well-known/oauth-authorization-server/dev-auth");
            assertThat(metadata.path("issuer").asString()).isEqualTo(issuer.issuer());
            assertThat(metadata.path("jwks_uri").asString()).isEqualTo(base + "/dev-auth/jwks.json");
            TokenVerifier verifier = TokenVerifier.of(new AccessTokenSettings(
                    new AccessTokenSettings.RemoteKeys(URI.create(metadata.path("jwks_uri").asString())),
                    issuer.issuer(), PROFILING, List.of()));

            UUID tenant = UUID.randomUUID();
            UUID person = UUID.randomUUID();
            HttpResponse<String> educator = post(metadata.path("token_endpoint").asString(), "application/json",
                    "{\"role\":\"educator\",\"tenant\":\"" + tenant + "\",\"person\":\"" + person
                            + "\",\"scopes\":[\"profiles:read\"],\"audience\":\"student-profiling\"}");
            assertThat(educator.statusCode()).as(educator.body()).isEqualTo(200);
            Caller caller = verifier.verify(Json.MAPPER.readTree(educator.body()).path("access_token").asString())
                    .caller();
            assertThat(caller.role()).isEqualTo(Role.EDUCATOR);
            assertThat(caller.tenant()).contains(tenant);
            assertThat(caller.person()).contains(person);
            assertThat(caller.scopes()).containsExactly("profiles:read");

            HttpResponse<String> service = post(base + "/dev-auth/token", "application/x-www-form-urlencoded",
                    "grant_type=client_credentials&client_id=replayer&scope=deadletters%3Aadmin&resource="
                            + "http%3A%2F%2F127.0.0.1%3A8082%2Fmcp");
            Caller serviceCaller = verifier.verify(Json.MAPPER.readTree(service.body()).path("access_token")
                    .asString()).caller();
            assertThat(serviceCaller.role()).isEqualTo(Role.SERVICE);
            assertThat(serviceCaller.scopes()).containsExactly("deadletters:admin");
        }
    }

    @Test
    void refusesIncompleteRequests() throws Exception {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(List.of("--dev-tokens"), Map.of(), freePort(),
                RESOURCES)) {
            String endpoint = "http://127.0.0.1:" + issuer.port() + "/dev-auth/token";
            assertThat(post(endpoint, "application/json", "{\"role\":\"student\",\"tenant\":\""
                    + UUID.randomUUID() + "\",\"audience\":\"student-profiling\"}").statusCode()).isEqualTo(400);
            assertThat(post(endpoint, "application/json", "{\"role\":\"administrator\",\"tenant\":\""
                    + UUID.randomUUID() + "\",\"audience\":\"elsewhere\"}").body()).contains("invalid_target");
            assertThat(post(endpoint, "application/json", "{\"role\":\"root\"}").statusCode()).isEqualTo(400);
            assertThat(post(endpoint, "application/x-www-form-urlencoded", "grant_type=password").body())
                    .contains("unsupported_grant_type");
        }
    }

    JsonNode get(String uri) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> post(String uri, String type, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
