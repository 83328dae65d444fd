package org.margin.analysis.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.analysis.WritingAnalysisFunction;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code detect_pii} and {@code redact_pii} served by the writing-analysis function, called over real HTTP. */
class PiiToolsTest {

    private static final String EMAIL = "maya.lopez@example.com";
    private static final String PHONE = "(217) 555-0134";
    private static final String SSN = "536-22-8471";
    private static final String ESSAY = "My name is Maya Lopez and I am 12 years old. Maya Lopez loves the lake. "
            + "You can email me at " + EMAIL + " or call " + PHONE + ". My social security number is " + SSN
            + ", which I should not write here. My student id is S1234567.";

    private static FunctionRuntime function;
    private static McpCalls mcp;

    @BeforeAll
    static void start() {
        function = WritingAnalysisFunction.runtime(Map.of()).settings(settings()).build().start();
        mcp = new McpCalls(function.port());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Test
    void eachToolNeedsItsScope() {
        String analysisOnly = McpCalls.TOKENS.issue(DevTokens.Grant.service(McpCalls.RESOURCE, "pii-test",
                List.of("analysis:run")));
        String redactOnly = McpCalls.TOKENS.issue(DevTokens.Grant.service(McpCalls.RESOURCE, "pii-test",
                List.of("pii:redact")));
        ObjectNode arguments = Json.object().put("text", "A short text.");
        assertInsufficient(mcp.callRawAs(analysisOnly, "redact_pii", arguments), "pii:redact");
        assertInsufficient(mcp.callRawAs(redactOnly, "analyze_writing", arguments), "analysis:run");
        assertInsufficient(mcp.callRawAs(redactOnly, "detect_pii", arguments), "analysis:run");
        assertThat(mcp.callRawAs(analysisOnly, "detect_pii", arguments).statusCode()).isEqualTo(200);
    }

    private static void assertInsufficient(HttpResponse<String> response, String scope) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    @Test
    void bothToolsAreListedBesideAnalyzeWritingAsReadOnlyWithSchemas() {
        JsonNode tools = mcp.listTools().path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("name").asString()));
        assertThat(names).contains("analyze_writing", "detect_pii", "redact_pii").hasSize(3);
        for (JsonNode tool : tools) {
            assertThat(tool.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
            assertThat(tool.path("annotations").path("destructiveHint").asBoolean(true)).isFalse();
            assertThat(tool.path("outputSchema").path("type").asString()).isEqualTo("object");
        }
    }

    @Test
    void detectPiiReturnsSpansTypesScoresAndRecognizersButNotTheValues() {
        HttpResponse<String> response = mcp.callRaw("detect_pii", arguments(ESSAY));
        JsonNode result = Json.MAPPER.readTree(response.body()).path("result");
        assertThat(result.path("isError").asBoolean(false)).isFalse();
        Map<String, String> found = foundValues(result.path("structuredContent").path("findings"));

        assertThat(found).containsEntry(EMAIL, "EMAIL_ADDRESS").containsEntry(PHONE, "PHONE_NUMBER")
                .containsEntry(SSN, "US_SSN").containsEntry("Maya Lopez", "PERSON");
        assertThat(result.path("structuredContent").path("counts").path("PERSON").asInt()).isEqualTo(2);
        JsonNode email = result.path("structuredContent").path("findings").valueStream()
                .filter(f -> f.path("type").asString().equals("EMAIL_ADDRESS")).findFirst().orElseThrow();
        assertThat(email.path("recognizer").asString()).isEqualTo("email");
        assertThat(email.path("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(email.has("value")).isFalse();
        assertThat(response.body()).doesNotContain(EMAIL).doesNotContain(SSN).doesNotContain("Lopez");
    }

    @Test
    void valuesComeBackOnlyWhenAskedFor() {
        JsonNode findings = mcp.call("detect_pii", arguments(ESSAY).put("includeValues", true))
                .path("structuredContent").path("findings");
        assertThat(findings.valueStream().map(f -> f.path("value").asString())).contains(EMAIL, SSN);
    }

    @Test
    void entityTypesAndMinimumScoreNarrowTheFindings() {
        ObjectNode onlyContacts = arguments(ESSAY);
        onlyContacts.putArray("entityTypes").add("EMAIL_ADDRESS").add("PHONE_NUMBER");
        assertThat(foundValues(mcp.call("detect_pii", onlyContacts).path("structuredContent").path("findings")))
                .containsOnlyKeys(EMAIL, PHONE);

        JsonNode all = mcp.call("detect_pii", arguments(ESSAY).put("minScore", 0.0))
                .path("structuredContent").path("findings");
        JsonNode certain = mcp.call("detect_pii", arguments(ESSAY).put("minScore", 0.95))
                .path("structuredContent").path("findings");
        assertThat(certain.size()).isLessThan(all.size());
        certain.forEach(finding -> assertThat(finding.path("score").asDouble()).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void institutionIdPatternsAreFoundAsInstitutionIds() {
        ObjectNode withIds = arguments(ESSAY);
        ObjectNode rule = withIds.putArray("institutionIds").addObject();
        rule.put("label", "student-id");
        rule.put("pattern", "S#{7}");
        rule.putArray("cues").add("student id");
        JsonNode findings = mcp.call("detect_pii", withIds).path("structuredContent").path("findings");
        assertThat(findings.valueStream().filter(f -> f.path("type").asString().equals("INSTITUTION_ID"))
                .map(f -> ESSAY.substring(f.path("start").asInt(), f.path("end").asInt())
                        + "/" + f.path("recognizer").asString()))
                .containsExactly("S1234567/institution-id:student-id");
    }

    @Test
    void typeTagsReplaceEveryValue() {
        JsonNode redacted = mcp.call("redact_pii", arguments(ESSAY)).path("structuredContent");
        String text = redacted.path("redactedText").asString();
        assertThat(text).contains("<EMAIL_ADDRESS>", "<US_SSN>", "<PERSON>", "<PHONE_NUMBER>")
                .doesNotContain(EMAIL).doesNotContain(SSN).doesNotContain("Lopez");
        JsonNode first = redacted.path("replacements").get(0);
        assertThat(text.substring(first.path("redactedStart").asInt(), first.path("redactedEnd").asInt()))
                .isEqualTo("<" + first.path("type").asString() + ">");
    }

    @Test
    void masksKeepTheLengthAndPseudonymsStayTheSameWithinOneText() {
        String masked = mcp.call("redact_pii", arguments(ESSAY).put("mode", "mask"))
                .path("structuredContent").path("redactedText").asString();
        assertThat(masked).hasSize(ESSAY.length()).contains("█".repeat(EMAIL.length())).doesNotContain(EMAIL);

        String pseudonymised = mcp.call("redact_pii", arguments(ESSAY).put("mode", "pseudonym"))
                .path("structuredContent").path("redactedText").asString();
        assertThat(pseudonymised).startsWith("My name is PERSON_1 and").contains("PERSON_1 loves the lake")
                .doesNotContain("PERSON_2").contains("EMAIL_ADDRESS_1");
    }

    @Test
    void tokensHideTheValueAndAreTheSameForTheSameValueOfOneInstitution() {
        String first = mcp.call("redact_pii", arguments(ESSAY).put("mode", "token"))
                .path("structuredContent").path("redactedText").asString();
        String second = mcp.call("redact_pii", arguments(ESSAY).put("mode", "token"))
                .path("structuredContent").path("redactedText").asString();
        assertThat(first).isEqualTo(second).contains("⟦EMAIL_ADDRESS:").doesNotContain(EMAIL).doesNotContain("Lopez");

        String otherInstitution = McpCalls.TOKENS.issue(DevTokens.Grant.person(McpCalls.RESOURCE, Role.EDUCATOR,
                UUID.randomUUID(), UUID.randomUUID(), List.of("pii:redact")));
        String theirs = mcp.callAs(otherInstitution, "redact_pii", arguments(ESSAY).put("mode", "token"))
                .path("structuredContent").path("redactedText").asString();
        assertThat(theirs).contains("⟦EMAIL_ADDRESS:").isNotEqualTo(first);
    }

    @Test
    void aCallerOfNoInstitutionGetsNoTokens() {
        String institutionless = McpCalls.TOKENS.issue(DevTokens.Grant.service(McpCalls.RESOURCE, "pii-test",
                List.of("pii:redact")));
        JsonNode refused = mcp.callAs(institutionless, "redact_pii", arguments(ESSAY).put("mode", "token"));
        assertThat(refused.path("isError").asBoolean()).isTrue();
        assertThat(text(refused)).isEqualTo(RedactPiiTool.NO_INSTITUTION);
        assertThat(mcp.callAs(institutionless, "redact_pii", arguments(ESSAY).put("mode", "pseudonym"))
                .path("isError").asBoolean(false)).isFalse();
    }

    @Test
    void onKnativeWithoutAKeysetTheTokenModeIsAToolErrorAndTheOtherModesWork() {
        try (FunctionRuntime knative = FunctionRuntime.builder()
                .service("pii-test")
                .declareTools(RedactPiiTool.NAME)
                .settings(settings())
                .mcp(mount -> mount.endpoint(McpServer.builder()
                        .serverInfo("pii-test", "0")
                        .tool(RedactPiiTool.tool(new TokenKey(Map.of("K_SERVICE", "writing-analysis"))))))
                .build().start()) {
            McpCalls calls = new McpCalls(knative.port());
            JsonNode token = calls.call("redact_pii", arguments(ESSAY).put("mode", "token"));
            assertThat(token.path("isError").asBoolean()).isTrue();
            assertThat(text(token))
                    .isEqualTo("Reversible tokens are not configured on this service; choose another mode.");
            assertThat(calls.call("redact_pii", arguments(ESSAY)).path("isError").asBoolean(false)).isFalse();
        }
    }

    @Test
    void badInputIsAToolErrorThatSaysWhyWithoutQuotingTheText() {
        for (String tool : List.of("detect_pii", "redact_pii")) {
            JsonNode blank = mcp.call(tool, arguments(" \n\t "));
            assertThat(blank.path("isError").asBoolean()).isTrue();
            assertThat(text(blank)).contains("empty");

            JsonNode oversize = mcp.call(tool, arguments("Maya Lopez wrote this. ".repeat(5_000)));
            assertThat(oversize.path("isError").asBoolean()).isTrue();
            assertThat(text(oversize)).contains("100000").doesNotContain("Maya");

            ObjectNode unknownType = arguments(ESSAY);
            unknownType.putArray("entityTypes").add("SHOE_SIZE");
            JsonNode unknown = mcp.call(tool, unknownType);
            assertThat(unknown.path("isError").asBoolean()).isTrue();
            assertThat(text(unknown)).contains("entityTypes").doesNotContain("SHOE_SIZE").doesNotContain("Maya");

            ObjectNode badPattern = arguments(ESSAY);
            badPattern.putArray("institutionIds").addObject().put("label", "student-id").put("pattern", "S#{");
            JsonNode invalid = mcp.call(tool, badPattern);
            assertThat(invalid.path("isError").asBoolean()).isTrue();
            assertThat(text(invalid)).contains("institutionIds/0/pattern").doesNotContain("Maya");
        }
        JsonNode unknownMode = mcp.call("redact_pii", arguments(ESSAY).put("mode", "shred"));
        assertThat(unknownMode.path("isError").asBoolean()).isTrue();
        assertThat(text(unknownMode)).contains("mode");
    }

    private static Map<String, String> foundValues(JsonNode findings) {
        Map<String, String> found = new HashMap<>();
        findings.forEach(f -> found.put(ESSAY.substring(f.path("start").asInt(), f.path("end").asInt()),
                f.path("type").asString()));
        return found;
    }

    private static ObjectNode arguments(String text) {
        return Json.object().put("text", text);
    }

    private static String text(JsonNode result) {
        return result.path("content").get(0).path("text").asString();
    }

    /** Local settings on a free port. */
    private static RuntimeSettings settings() {
        return RuntimeSettings.fromEnvironment(Map.of("PORT", "0"))
                .withAccessTokens(McpCalls.TOKENS.settings(McpCalls.RESOURCE));
    }
}
