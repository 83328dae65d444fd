package org.margin.e2e.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The scanner finds a planted value in the forms a leak takes, and nothing in clean captures. */
class LeakScannerTest {

    private static final PlantedEssay ESSAY = PlantedEssay.samples().getFirst();

    @Test
    void findsValuesVerbatimInLowerCaseAsPartsAndAsBareDigits() {
        CaptureSource log = CaptureSource.of("log", () -> List.of(
                "INFO request from THESSALY.QUENNEVILLE@BRIGHTMAIL.EXAMPLE",
                "WARN caller 5035550187 refused",
                "DEBUG student quenneville",
                "ERROR ssn=536228471",
                "INFO delivered to larkspur hollow road"));

        assertThat(LeakScanner.scan(ESSAY.planted(), List.of(log)))
                .extracting(leak -> leak.planted().kind() + "@" + leak.capture())
                .contains("EMAIL@0", "PHONE@1", "NAME@2", "SSN@3", "STREET_ADDRESS@4");
    }

    @Test
    void findsNothingWhereNothingWasPlanted() {
        CaptureSource metrics = CaptureSource.of("metrics", () -> List.of(
                "margin_tool_calls_total{gen_ai_tool_name=\"detect_pii\"} 3.0",
                "http_server_request_duration_seconds_sum{http_route=\"/mcp\"} 0.536",
                "INFO writing-analysis serving on port 50318 (local mode)"));

        assertThat(LeakScanner.scan(ESSAY.planted(), List.of(metrics))).isEmpty();
    }
}
