package org.margin.analysis.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.analysis.WritingAnalysisFunction;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Store;
import org.margin.store.StoreException;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.local.LocalDatabase;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code resolve_pii_tokens} served by the writing-analysis function with a real PostgreSQL behind its audit log,
 * called over real HTTP: what {@code redact_pii} made comes back for the institution's administrator, and for no one
 * else, and every resolution is in the institution's audit chain without a value or a token.
 */
class ResolvePiiTokensToolTest {

    private static final String EMAIL = "maya.lopez@example.com";
    private static final String PHONE = "(217) 555-0134";
    private static final String ESSAY = "My name is Maya Lopez and I am 12 years old. Maya Lopez loves the lake. "
            + "You can email me at " + EMAIL + " or call " + PHONE + ".";
    private static final List<String> VALUES = List.of("Maya Lopez", "12", EMAIL, PHONE);
    private static final Path DATABASE = Path.of("target", "test-databases",
            "resolve-" + ProcessHandle.current().pid()).toAbsolutePath();

    private static LocalDatabase database;
    /** Reads the audit chains as the owner would: a store of its own, beside the function's. */
    private static Store owner;
    private static FunctionRuntime function;
    private static McpCalls mcp;

    @BeforeAll
    static void start() throws InterruptedException {
        database = LocalDatabase.start(DATABASE);
        owner = database.storeBuilder().build();
        awaitFirstRead();
        Map<String, String> environment = new HashMap<>(McpCalls.TOKENS.environment(McpCalls.RESOURCE));
        environment.put(RuntimeSettings.PORT, "0");
        environment.put(Store.Builder.URL, database.r2dbcUrl());
        environment.put(Store.Builder.USER_NAME, database.app().user());
        environment.put(Store.Builder.USER_PASSWORD, database.app().password());
        function = WritingAnalysisFunction.runtime(environment).build().start();
        mcp = new McpCalls(function.port());
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
        if (owner != null) {
            owner.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anAdministratorResolvesWhatRedactPiiMadeForTheirInstitutionAndTheCallIsAudited() {
        UUID institution = UUID.randomUUID();
        UUID administrator = UUID.randomUUID();
        JsonNode redacted = redact(institution);
        String redactedText = redacted.path("redactedText").asString();
        List<String> tokens = tokensOf(redacted);
        assertThat(redactedText).doesNotContain("Maya", EMAIL, PHONE);

        String admin = administrator(institution, administrator);
        JsonNode fromText = mcp.callAs(admin, ResolvePiiTokensTool.NAME, Json.object().put("text", redactedText))
                .path("structuredContent");
        assertThat(fromText.path("restoredText").asString()).isEqualTo(ESSAY);
        assertThat(fromText.path("rejected").asInt()).isZero();
        assertThat(fromText.path("resolved").asInt()).isEqualTo(new LinkedHashSet<>(tokens).size())
                .isEqualTo(fromText.path("resolutions").size());
        Map<String, String> typeByValue = new HashMap<>();
        fromText.path("resolutions").forEach(entry -> {
            assertThat(entry.path("resolved").asBoolean()).isTrue();
            assertThat(tokens).contains(entry.path("token").asString());
            typeByValue.put(entry.path("value").asString(), entry.path("type").asString());
        });
        assertThat(typeByValue).containsEntry("Maya Lopez", "PERSON").containsEntry(EMAIL, "EMAIL_ADDRESS")
                .containsEntry(PHONE, "PHONE_NUMBER").containsEntry("12", "AGE");

        ObjectNode listed = Json.object();
        tokens.forEach(listed.putArray("tokens")::add);
        JsonNode fromList = mcp.callAs(admin, ResolvePiiTokensTool.NAME, listed).path("structuredContent");
        assertThat(fromList.path("resolutions")).hasSize(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode entry = fromList.path("resolutions").get(i);
            assertThat(entry.path("token").asString()).isEqualTo(tokens.get(i));
            assertThat(entry.path("value").asString()).isEqualTo(ESSAY.substring(
                    redacted.path("replacements").get(i).path("start").asInt(),
                    redacted.path("replacements").get(i).path("end").asInt()));
        }
        assertThat(fromList.has("restoredText")).isFalse();

        List<JsonNode> audited = audited(institution);
        assertThat(audited).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("type").asString()).isEqualTo("administrative");
            assertThat(entry.path("action").asString()).isEqualTo(ResolutionRecord.ACTION);
            assertThat(entry.path("actor").asString()).isEqualTo(administrator.toString());
            assertThat(entry.path("actor_role").asString()).isEqualTo("administrator");
        });
        assertThat(audited.get(0).path("target").asString()).isEqualTo("resolved:4/rejected:0/email:1/phone:1/age:1/person:1");
        assertThat(audited.get(1).path("target").asString()).isEqualTo("resolved:5/rejected:0/email:1/phone:1/age:1/person:2");
        for (byte[] payload : auditPayloads(institution)) {
            String stored = new String(payload, StandardCharsets.UTF_8);
            assertThat(stored).doesNotContain("Maya", "Lopez", EMAIL, PHONE, "\u27e6");
            tokens.forEach(token -> assertThat(stored).doesNotContain(token.substring(token.indexOf(':') + 1, token.length() - 1)));
        }
    }

    @Test
    void educatorsStudentsAndServicesAreRefusedAndNothingIsRecorded() {
        UUID institution = UUID.randomUUID();
        String text = redact(institution).path("redactedText").asString();
        List<String> scope = List.of(ResolvePiiTokensTool.SCOPE);
        List<String> callers = List.of(
                McpCalls.TOKENS.issue(DevTokens.Grant.person(McpCalls.RESOURCE, Role.EDUCATOR, institution,
                        UUID.randomUUID(), scope)),
                McpCalls.TOKENS.issue(DevTokens.Grant.person(McpCalls.RESOURCE, Role.STUDENT, institution,
                        UUID.randomUUID(), scope)),
                McpCalls.TOKENS.issue(new DevTokens.Grant("safeguarding-sync", McpCalls.RESOURCE, Role.SERVICE,
                        Optional.of(institution), Optional.empty(), scope, DevTokens.DEFAULT_LIFETIME)),
                McpCalls.TOKENS.issue(DevTokens.Grant.service(McpCalls.RESOURCE, "safeguarding-sync", scope)));
        for (String caller : callers) {
            HttpResponse<String> response = mcp.callRawAs(caller, ResolvePiiTokensTool.NAME,
                    Json.object().put("text", text));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode result = Json.MAPPER.readTree(response.body()).path("result");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).isEqualTo(ResolvePiiTokensTool.NOT_ADMINISTRATOR.message());
            assertThat(response.body()).doesNotContain("Maya", EMAIL, PHONE);
        }
        assertThat(audited(institution)).isEmpty();
    }

    @Test
    void withoutTheScopeTheRuntimeAnswers403AndAnAdministratorWhoIsNoPersonIsRefused() {
        UUID institution = UUID.randomUUID();
        String redactOnly = McpCalls.TOKENS.issue(DevTokens.Grant.person(McpCalls.RESOURCE, Role.ADMINISTRATOR,
                institution, UUID.randomUUID(), List.of("pii:redact")));
        HttpResponse<String> forbidden = mcp.callRawAs(redactOnly, ResolvePiiTokensTool.NAME,
                Json.object().put("text", "⟦PERSON:AAAA⟧"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\", scope=\"pii:resolve\"");

        String unnamed = McpCalls.TOKENS.issue(new DevTokens.Grant("operator", McpCalls.RESOURCE, Role.ADMINISTRATOR,
                Optional.of(institution), Optional.empty(), List.of(ResolvePiiTokensTool.SCOPE),
                DevTokens.DEFAULT_LIFETIME));
        JsonNode refused = mcp.callAs(unnamed, ResolvePiiTokensTool.NAME, Json.object().put("text", "⟦PERSON:AAAA⟧"));
        assertThat(text(refused)).isEqualTo(ResolvePiiTokensTool.UNNAMED.message());
        assertThat(audited(institution)).isEmpty();
    }

    @Test
    void anotherInstitutionsAdministratorGetsRejectionsNotValues() {
        UUID institution = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String text = redact(institution).path("redactedText").asString();

        HttpResponse<String> response = mcp.callRawAs(administrator(other, UUID.randomUUID()),
                ResolvePiiTokensTool.NAME, Json.object().put("text", text));
        JsonNode result = Json.MAPPER.readTree(response.body()).path("result").path("structuredContent");
        assertThat(result.path("resolved").asInt()).isZero();
        assertThat(result.path("rejected").asInt()).isEqualTo(4);
        result.path("resolutions").forEach(entry -> {
            assertThat(entry.path("resolved").asBoolean()).isFalse();
            assertThat(entry.path("reason").asString()).isEqualTo("not_resolvable");
            assertThat(entry.has("value")).isFalse();
        });
        assertThat(result.path("restoredText").asString()).isEqualTo(text);
        assertThat(response.body()).doesNotContain("Maya", EMAIL, PHONE);
        assertThat(audited(other)).singleElement().satisfies(entry ->
                assertThat(entry.path("target").asString()).isEqualTo("resolved:0/rejected:4"));
        assertThat(audited(institution)).isEmpty();
    }

    @Test
    void tamperedRelabelledAndNonTokensAreRejectedOneByOneWithAReason() {
        UUID institution = UUID.randomUUID();
        List<String> tokens = tokensOf(redact(institution));
        String person = tokens.stream().filter(token -> token.startsWith("\u27e6PERSON:")).findFirst().orElseThrow();
        String body = person.substring("\u27e6PERSON:".length(), person.length() - 1);
        char flipped = body.charAt(5) == 'A' ? 'B' : 'A';
        String tampered = "\u27e6PERSON:" + body.substring(0, 5) + flipped + body.substring(6) + "\u27e7";
        String relabelled = person.replace("PERSON", "AGE");

        ObjectNode arguments = Json.object();
        arguments.putArray("tokens").add(person).add(tampered).add(relabelled).add("Maya Lopez")
                .add("\u27e6SHOE_SIZE:AAAA\u27e7").add("\u27e6PERSON:***\u27e7");
        HttpResponse<String> response = mcp.callRawAs(administrator(institution, UUID.randomUUID()),
                ResolvePiiTokensTool.NAME, arguments);
        JsonNode result = Json.MAPPER.readTree(response.body()).path("result");
        assertThat(result.path("isError").asBoolean(false)).isFalse();
        List<String> reasons = new ArrayList<>();
        result.path("structuredContent").path("resolutions").forEach(entry -> reasons.add(
                entry.path("resolved").asBoolean() ? entry.path("value").asString() : entry.path("reason").asString()));
        assertThat(reasons).containsExactly("Maya Lopez", "not_resolvable", "not_resolvable", "not_a_token",
                "malformed", "malformed");
        result.path("structuredContent").path("resolutions").forEach(entry -> {
            if (!entry.path("resolved").asBoolean()) {
                assertThat(entry.path("message").asString()).doesNotContain("Exception", "javax", "tink");
            }
        });
        assertThat(audited(institution)).singleElement().satisfies(entry ->
                assertThat(entry.path("target").asString()).isEqualTo("resolved:1/rejected:5/person:1"));
    }

    @Test
    void oversizedRequestsAreRefusedBeforeAnythingIsResolved() {
        UUID institution = UUID.randomUUID();
        String admin = administrator(institution, UUID.randomUUID());
        ObjectNode tooMany = Json.object();
        ArrayNode list = tooMany.putArray("tokens");
        for (int i = 0; i <= 100; i++) {
            list.add("\u27e6PERSON:AAAA\u27e7");
        }
        JsonNode refusedList = mcp.callAs(admin, ResolvePiiTokensTool.NAME, tooMany);
        assertThat(refusedList.path("isError").asBoolean()).isTrue();
        assertThat(text(refusedList)).contains("tokens");

        String crowded = "\u27e6PERSON:AAAA\u27e7 ".repeat(ResolvePiiTokensTool.MAX_TOKENS_IN_TEXT + 1);
        JsonNode refusedText = mcp.callAs(admin, ResolvePiiTokensTool.NAME, Json.object().put("text", crowded));
        assertThat(text(refusedText)).isEqualTo(ResolvePiiTokensTool.TOO_MANY_IN_TEXT.message());

        ObjectNode both = Json.object().put("text", "⟦PERSON:AAAA⟧");
        both.putArray("tokens").add("⟦PERSON:AAAA⟧");
        assertThat(mcp.callAs(admin, ResolvePiiTokensTool.NAME, both).path("isError").asBoolean()).isTrue();
        assertThat(audited(institution)).isEmpty();
    }

    @Test
    void aFunctionWithoutAnAuditLogResolvesNothing() {
        try (FunctionRuntime unaudited = WritingAnalysisFunction.runtime(Map.of())
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0"))
                        .withAccessTokens(McpCalls.TOKENS.settings(McpCalls.RESOURCE)))
                .build().start()) {
            McpCalls calls = new McpCalls(unaudited.port());
            UUID institution = UUID.randomUUID();
            String text = calls.callAs(redactor(institution), "redact_pii", Json.object().put("text", ESSAY)
                    .put("mode", "token")).path("structuredContent").path("redactedText").asString();
            JsonNode refused = calls.callAs(administrator(institution, UUID.randomUUID()), ResolvePiiTokensTool.NAME,
                    Json.object().put("text", text));
            assertThat(refused.path("isError").asBoolean()).isTrue();
            assertThat(text(refused)).isEqualTo(ResolvePiiTokensTool.NOT_AUDITED.message());
        }
    }

    @Test
    void theToolIsListedForAnAdministratorWithTheScopeAsReadOnly() {
        JsonNode tools = mcp.listToolsAs(administrator(UUID.randomUUID(), UUID.randomUUID())).path("tools");
        assertThat(tools).singleElement().satisfies(tool -> {
            assertThat(tool.path("name").asString()).isEqualTo(ResolvePiiTokensTool.NAME);
            assertThat(tool.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
            assertThat(tool.path("description").asString()).contains("administrators");
        });
    }

    /**
     * The first read of a freshly started database can outlast a call's timeout on a busy machine; a test's first
     * audit read must not be that one.
     */
    private static void awaitFirstRead() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                owner.auditTrail().page(new TenantId(UUID.randomUUID()), 0, 1);
                return;
            } catch (StoreException warmingUp) {
                if (System.nanoTime() > deadline) {
                    throw warmingUp;
                }
                Thread.sleep(200);
            }
        }
    }

    private static JsonNode redact(UUID institution) {
        JsonNode result = mcp.callAs(redactor(institution), "redact_pii",
                Json.object().put("text", ESSAY).put("mode", "token"));
        assertThat(result.path("isError").asBoolean(false)).isFalse();
        return result.path("structuredContent");
    }

    private static List<String> tokensOf(JsonNode redacted) {
        String text = redacted.path("redactedText").asString();
        List<String> tokens = new ArrayList<>();
        redacted.path("replacements").forEach(replacement -> tokens.add(text.substring(
                replacement.path("redactedStart").asInt(), replacement.path("redactedEnd").asInt())));
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(VALUES.size());
        return tokens;
    }

    private static String redactor(UUID institution) {
        return McpCalls.TOKENS.issue(DevTokens.Grant.person(McpCalls.RESOURCE, Role.EDUCATOR, institution,
                UUID.randomUUID(), List.of("pii:redact")));
    }

    private static String administrator(UUID institution, UUID person) {
        return McpCalls.TOKENS.issue(DevTokens.Grant.person(McpCalls.RESOURCE, Role.ADMINISTRATOR, institution,
                person, List.of(ResolvePiiTokensTool.SCOPE)));
    }

    private static List<JsonNode> audited(UUID institution) {
        return auditPayloads(institution).stream().map(payload -> Json.MAPPER.readTree(payload)).toList();
    }

    private static List<byte[]> auditPayloads(UUID institution) {
        return owner.auditTrail().page(new TenantId(institution), 0, 1_000).stream()
                .map(AuditEntryRow::payload).toList();
    }

    private static String text(JsonNode result) {
        return result.path("content").get(0).path("text").asString();
    }
}
