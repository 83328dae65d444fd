package org.margin.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OtlpSettingsTest {

    @Test
    void noEndpointNoExport() {
        assertThat(OtlpSettings.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void theBaseEndpointGetsTheTracesPath() {
        assertThat(OtlpSettings.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://otel.example:4318/")))
                .hasValueSatisfying(otlp -> assertThat(otlp.tracesEndpoint())
                        .hasToString("https://otel.example:4318/v1/traces"));
    }

    @Test
    void theSignalEndpointIsTakenAsIsAndWins() {
        assertThat(OtlpSettings.fromEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/custom/traces")))
                .hasValueSatisfying(otlp -> assertThat(otlp.tracesEndpoint())
                        .hasToString("http://collector:4318/custom/traces"));
    }

    @Test
    void headersArePercentDecodedAndNeverPrinted() {
        OtlpSettings otlp = OtlpSettings.fromEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20s3cr3t,x-tenant=margin")).orElseThrow();

        assertThat(otlp.headers()).containsEntry("authorization", "Bearer s3cr3t").containsEntry("x-tenant", "margin");
        assertThat(otlp.toString()).contains("authorization").doesNotContain("s3cr3t");
    }

    @Test
    void exportCanBeSwitchedOff() {
        assertThat(OtlpSettings.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_SDK_DISABLED", "true"))).isEmpty();
        assertThat(OtlpSettings.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_TRACES_EXPORTER", "none"))).isEmpty();
    }

    @Test
    void unsupportedChoicesAreRefusedByName() {
        assertThatThrownBy(() -> OtlpSettings.fromEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_PROTOCOL").hasMessageContaining("http/protobuf");
        assertThatThrownBy(() -> OtlpSettings.fromEnvironment(Map.of("OTEL_TRACES_EXPORTER", "zipkin")))
                .hasMessageStartingWith("OTEL_TRACES_EXPORTER");
        assertThatThrownBy(() -> OtlpSettings.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_ENDPOINT");
    }
}
