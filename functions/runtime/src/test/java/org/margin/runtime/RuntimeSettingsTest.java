package org.margin.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.margin.runtime.auth.AccessTokenSettings;

class RuntimeSettingsTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void localDefaults() {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(Map.of());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.local()).isTrue();
        assertThat(settings.knative()).isEmpty();
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.allowedHosts()).isEmpty();
        assertThat(settings.requestStateSecret().ephemeral()).isTrue();
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(25));
        assertThat(settings.maxEventBytes()).isEqualTo(1 << 20);
        assertThat(settings.otlp()).isEmpty();
    }

    @Test
    void theLocalSecretIsOnePerProcess() {
        RuntimeSettings first = RuntimeSettings.fromEnvironment(Map.of());
        RuntimeSettings second = RuntimeSettings.fromEnvironment(Map.of("PORT", "9000"));

        assertThat(first.requestStateSecret().bytes()).isEqualTo(second.requestStateSecret().bytes())
                .hasSize(RequestStateSecret.MINIMUM_BYTES);
    }

    @Test
    void readsTheKnativeContract() {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(Map.of(
                "PORT", "8081", "K_SERVICE", "writing-analysis", "K_REVISION", "writing-analysis-00003",
                "K_CONFIGURATION", "writing-analysis", "MARGIN_REQUEST_STATE_SECRET", SECRET,
                "MARGIN_ALLOWED_ORIGINS", "https://app.example.org, http://localhost:3000",
                "MARGIN_ALLOWED_HOSTS", "writing-analysis.margin.example.org,writing-analysis.default.svc:80",
                "MARGIN_SHUTDOWN_GRACE_SECONDS", "40", "MARGIN_MAX_EVENT_BYTES", "4096",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));

        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.local()).isFalse();
        assertThat(settings.knative()).contains(
                new KnativeRevision("writing-analysis", "writing-analysis-00003", "writing-analysis"));
        assertThat(settings.allowedOrigins()).containsExactly("https://app.example.org", "http://localhost:3000");
        assertThat(settings.allowedHosts()).containsExactly("writing-analysis.margin.example.org",
                "writing-analysis.default.svc:80");
        assertThat(settings.requestStateSecret().ephemeral()).isFalse();
        assertThat(settings.requestStateSecret().bytes()).isEqualTo("0123456789abcdef0123456789abcdef".getBytes());
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.maxEventBytes()).isEqualTo(4096);
        assertThat(settings.otlp()).hasValueSatisfying(otlp ->
                assertThat(otlp.tracesEndpoint()).hasToString("http://collector:4318/v1/traces"));
    }

    @Test
    void acceptsUrlSafeBase64Secrets() {
        byte[] key = new byte[48];
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);

        RuntimeSettings settings = RuntimeSettings.fromEnvironment(Map.of("MARGIN_REQUEST_STATE_SECRET", urlSafe));

        assertThat(settings.requestStateSecret().bytes()).isEqualTo(key);
    }

    @Test
    void onKnativeTheSecretIsRequired() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("K_SERVICE", "writing-analysis")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MARGIN_REQUEST_STATE_SECRET must be set");
    }

    @Test
    void aShortOrMalformedSecretIsRefusedWithoutShowingIt() {
        String shortSecret = Base64.getEncoder().encodeToString("too-short-key".getBytes());

        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("MARGIN_REQUEST_STATE_SECRET", shortSecret)))
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining(shortSecret);
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("MARGIN_REQUEST_STATE_SECRET", "%%%%")))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("%%%%");
    }

    @Test
    void theSecretNeverShowsInToString() {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(Map.of("MARGIN_REQUEST_STATE_SECRET", SECRET));

        assertThat(settings.toString()).contains("RequestStateSecret[configured]").doesNotContain(SECRET)
                .doesNotContain("0123456789abcdef");
    }

    @Test
    void badValuesNameTheirVariable() {
        Map<String, String> bad = Map.of(
                "PORT", "eighty",
                "MARGIN_SHUTDOWN_GRACE_SECONDS", "-1",
                "MARGIN_MAX_EVENT_BYTES", "0",
                "MARGIN_ALLOWED_ORIGINS", "https://app.example.org/path",
                "MARGIN_ALLOWED_HOSTS", "https://host.example.org");
        bad.forEach((name, value) -> {
            Map<String, String> env = new HashMap<>();
            env.put(name, value);
            assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(name);
        });
    }

    @Test
    void withPortAndGraceChangeOnlyThat() {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(Map.of("MARGIN_ALLOWED_ORIGINS",
                "http://localhost:3000"));

        RuntimeSettings moved = settings.withPort(0).withShutdownGrace(Duration.ofSeconds(3));

        assertThat(moved.port()).isZero();
        assertThat(moved.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(moved.allowedOrigins()).isEqualTo(List.of("http://localhost:3000"));
        assertThat(moved.requestStateSecret()).isEqualTo(settings.requestStateSecret());
    }

    @Test
    void readsTheAccessTokenConfiguration() {
        RuntimeSettings remote = RuntimeSettings.fromEnvironment(Map.of(
                "MARGIN_JWKS_URI", "https://auth.example.org/jwks.json", "MARGIN_TOKEN_ISSUER", "https://auth.example.org",
                "MARGIN_RESOURCE_URI", "https://profiling.example.org/mcp",
                "MARGIN_AUTHORIZATION_SERVERS", "https://auth.example.org, https://backup.example.org"));
        AccessTokenSettings tokens = remote.accessTokens().orElseThrow();
        assertThat(tokens.keys()).isEqualTo(new AccessTokenSettings.RemoteKeys(
                java.net.URI.create("https://auth.example.org/jwks.json")));
        assertThat(tokens.resource()).hasToString("https://profiling.example.org/mcp");
        assertThat(tokens.authorizationServers()).hasSize(2);
        assertThat(RuntimeSettings.fromEnvironment(Map.of()).accessTokens()).isEmpty();
        assertThat(RuntimeSettings.fromEnvironment(Map.of("MARGIN_JWKS", "{\"keys\":[]}",
                "MARGIN_TOKEN_ISSUER", "https://auth.example.org", "MARGIN_RESOURCE_URI", "http://127.0.0.1:8081/mcp"))
                .accessTokens().orElseThrow().keys()).isInstanceOf(AccessTokenSettings.InlineKeys.class);
    }

    @Test
    void refusesAnIncompleteAccessTokenConfigurationNamingTheVariable() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("MARGIN_JWKS_URI", "https://a.example/jwks",
                "MARGIN_RESOURCE_URI", "https://p.example/mcp")))
                .hasMessageContaining("MARGIN_TOKEN_ISSUER");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("MARGIN_JWKS_URI", "https://a.example/jwks",
                "MARGIN_TOKEN_ISSUER", "https://a.example")))
                .hasMessageContaining("MARGIN_RESOURCE_URI");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("MARGIN_JWKS_URI", "https://a.example/jwks",
                "MARGIN_JWKS", "{}", "MARGIN_TOKEN_ISSUER", "https://a.example",
                "MARGIN_RESOURCE_URI", "https://p.example/mcp")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("MARGIN_JWKS_URI", "https://a.example/jwks",
                "MARGIN_TOKEN_ISSUER", "https://a.example", "MARGIN_RESOURCE_URI", "profiling/mcp")))
                .hasMessage("MARGIN_RESOURCE_URI must be an absolute http(s) URI without fragment");
    }
}
