package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.margin.e2e.leak.CaptureSource;
import org.margin.e2e.leak.LeakScanner;
import org.margin.e2e.leak.OtlpReceiver;
import org.margin.e2e.leak.PlantedEssay;
import org.margin.e2e.leak.PlantedValue;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped writing-analysis jar, exporting spans to a collector on loopback, is given essays full of planted
 * personal data through every tool and a range of bad requests. None of the planted values, in any of their
 * forms, may then be found in what it logged, the spans it exported, its metrics, the errors it answered with or
 * the findings of {@code detect_pii}.
 */
class WritingAnalysisNoLeakTest {

    private static final UUID SCHOOL = UUID.randomUUID();
    /** A service of one school: reversible tokens are made for a school. */
    private static final String SCHOOL_SERVICE = McpHttp.TOKENS.issue(new DevTokens.Grant("e2e", McpHttp.RESOURCE,
            Role.SERVICE, Optional.of(SCHOOL), Optional.empty(), McpHttp.ALL_SCOPES, DevTokens.DEFAULT_LIFETIME));
    /** The school's administrator; the function started alone has no audit log, so resolution is refused. */
    private static final String ADMINISTRATOR = McpHttp.TOKENS.issue(DevTokens.Grant.person(McpHttp.RESOURCE,
            Role.ADMINISTRATOR, SCHOOL, UUID.randomUUID(), McpHttp.ALL_SCOPES));

    @Test
    void noPlantedValueReachesTheLogSpansMetricsOrAnyErrorMessage() throws Exception {
        List<PlantedEssay> essays = PlantedEssay.samples();
        List<String> errors = new ArrayList<>();
        List<String> detections = new ArrayList<>();
        List<String> redactions = new ArrayList<>();
        String metrics;
        FunctionProcess function;
        try (OtlpReceiver collector = OtlpReceiver.start()) {
            function = FunctionProcess.start("writing-analysis",
                    Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()));
            try {
                for (PlantedEssay essay : essays) {
                    callEveryTool(function, essay, detections, redactions);
                    sendBadRequests(function, essay, errors);
                }
                metrics = McpHttp.send(HttpRequest.newBuilder(function.uri("/metrics")).build()).body();
                function.terminate();
                assertThat(function.awaitExit(Duration.ofSeconds(30))).isZero();
            } finally {
                function.close();
            }
            List<CaptureSource> sources = List.of(
                    CaptureSource.of("log", () -> function.output().lines().toList()),
                    collector,
                    CaptureSource.of("metrics", () -> metrics.lines().toList()),
                    CaptureSource.of("error responses", () -> errors),
                    CaptureSource.of("detect_pii results", () -> detections));

            String spans = String.join("\n", collector.captures());
            assertThat(spans).contains("execute_tool analyze_writing", "execute_tool detect_pii",
                    "execute_tool redact_pii", "POST /mcp");
            assertThat(metrics).contains("gen_ai_tool_name=\"detect_pii\"", "gen_ai_tool_name=\"redact_pii\"");
            assertThat(function.output()).contains("serving on port");
            assertThat(errors).hasSize(essays.size() * 16);
            assertThat(detections).hasSize(essays.size());

            List<PlantedValue> planted = essays.stream().flatMap(essay -> essay.planted().stream()).toList();
            assertThat(LeakScanner.scan(planted, sources)).isEmpty();
        }
        for (int i = 0; i < essays.size(); i++) {
            for (PlantedValue.Kind kind : List.of(PlantedValue.Kind.EMAIL, PlantedValue.Kind.PHONE,
                    PlantedValue.Kind.SSN)) {
                assertThat(redactions.get(i)).doesNotContain(essays.get(i).first(kind).value());
            }
        }
    }

    private static void callEveryTool(FunctionProcess function, PlantedEssay essay, List<String> detections,
                                      List<String> redactions) {
        assertSucceeds(call(function, "analyze_writing", arguments(essay.text())));
        detections.add(assertSucceeds(call(function, "detect_pii", arguments(essay.text()))));
        ObjectNode withValues = arguments(essay.text()).put("includeValues", true);
        ObjectNode rule = withValues.putArray("institutionIds").addObject().put("label", "student-id")
                .put("pattern", "S#{7}");
        rule.putArray("cues").add("student id");
        assertSucceeds(call(function, "detect_pii", withValues));
        for (String mode : List.of("mask", "type_tag", "pseudonym", "token")) {
            String redacted = assertSucceeds(call(function, "redact_pii", arguments(essay.text()).put("mode", mode)));
            if (mode.equals("type_tag")) {
                redactions.add(redacted);
            }
        }
    }

    /**
     * Sixteen bad requests, each carrying the essay or one of its values where it does not belong, the last two
     * asking an unaudited function to resolve tokens.
     */
    private static void sendBadRequests(FunctionProcess function, PlantedEssay essay, List<String> errors) {
        String name = essay.first(PlantedValue.Kind.NAME).value();
        String email = essay.first(PlantedValue.Kind.EMAIL).value();
        String text = essay.text();
        String oversize = (text + "\n\n").repeat(100_001 / text.length() + 1);
        for (String tool : List.of("analyze_writing", "detect_pii", "redact_pii")) {
            errors.add(assertFails(call(function, tool, arguments(" \n "))));
            errors.add(assertFails(call(function, tool, arguments(oversize))));
            errors.add(assertFails(call(function, tool, arguments(text).put(name, text))));
        }
        ObjectNode unknownType = arguments(text);
        unknownType.putArray("entityTypes").add(email);
        errors.add(assertFails(call(function, "detect_pii", unknownType)));
        errors.add(assertFails(call(function, "redact_pii", arguments(text).put("mode", name))));
        ObjectNode badPattern = arguments(text);
        badPattern.putArray("institutionIds").addObject().put("label", "student-id").put("pattern", name);
        errors.add(assertFails(call(function, "detect_pii", badPattern)));
        errors.add(assertFails(call(function, name, arguments(text))));
        errors.add(assertFails(McpHttp.postStateless(function.uri("/mcp"), "analyze_writing",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"analyze_writing\","
                        + "\"arguments\":{\"text\":\"" + text.substring(0, 200))));
        String resolveText = McpHttp.statelessToolCall("resolve_pii_tokens", arguments(text)).toString();
        errors.add(assertFails(McpHttp.postStateless(function.uri("/mcp"), "resolve_pii_tokens", resolveText,
                ADMINISTRATOR)));
        ObjectNode listed = McpHttp.JSON.createObjectNode();
        listed.putArray("tokens").add(name).add("\u27e6PERSON:" + email + "\u27e7");
        errors.add(assertFails(McpHttp.postStateless(function.uri("/mcp"), "resolve_pii_tokens",
                McpHttp.statelessToolCall("resolve_pii_tokens", listed).toString(), ADMINISTRATOR)));
    }

    private static HttpResponse<String> call(FunctionProcess function, String tool, ObjectNode arguments) {
        return McpHttp.postStateless(function.uri("/mcp"), tool, McpHttp.statelessToolCall(tool, arguments).toString(),
                SCHOOL_SERVICE);
    }

    private static ObjectNode arguments(String text) {
        return McpHttp.JSON.createObjectNode().put("text", text);
    }

    private static String assertSucceeds(HttpResponse<String> response) {
        JsonNode result = McpHttp.parse(response.body()).path("result");
        assertThat(result.path("isError").asBoolean(false)).as("a tool call that should succeed").isFalse();
        assertThat(result.has("structuredContent")).isTrue();
        return response.body();
    }

    private static String assertFails(HttpResponse<String> response) {
        boolean failed = response.statusCode() >= 400
                || McpHttp.parse(response.body()).has("error")
                || McpHttp.parse(response.body()).path("result").path("isError").asBoolean(false);
        assertThat(failed).as("a request that should fail, answered %s", response.statusCode()).isTrue();
        return response.body();
    }
}
