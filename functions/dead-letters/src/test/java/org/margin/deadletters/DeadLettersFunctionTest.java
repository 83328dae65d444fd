package org.margin.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.audit.log.AuditLog;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Store;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.local.LocalDatabase;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dead-letter function end to end: a real embedded PostgreSQL, the function on loopback, dead letters posted
 * as Knative's broker posts them, the MCP tools called over HTTP, and replays received by a real runtime.
 */
class DeadLettersFunctionTest {

    private static final String RESOURCE = "http://127.0.0.1/mcp";
    private static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    private static final String TOKEN = TOKENS.issue(DevTokens.Grant.service(RESOURCE, "dead-letters-test",
            List.of("deadletters:admin")));
    private static final Path DATABASE = Path.of("target", "test-databases",
            "run-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static final String DATA = "{ \"institutionId\": \"5c0c3a6e-9d1e-4c1b-8f3e-0a4b5c6d7e8f\",  \"n\": 1 }";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalDatabase database;
    private static FunctionRuntime deadLetters;
    /** Where the function sends replays; a receiver listens there only while a test wants it to. */
    private static int brokerPort;

    @BeforeAll
    static void start() {
        delete(DATABASE);
        database = LocalDatabase.start(DATABASE.resolve("dead-letters"));
        brokerPort = freePort();
        deadLetters = DeadLettersFunction.runtime(environment(database.r2dbcUrl())).build().start();
    }

    @AfterAll
    static void stop() {
        if (deadLetters != null) {
            deadLetters.stop();
        }
        if (database != null) {
            database.close();
        }
        delete(DATABASE);
    }

    @Test
    void aDeadLetteredEventIsKeptAndListed() {
        String type = uniqueType();

        HttpResponse<String> response = postDeadLetter(deadLetters.port(), type, "urn:margin:profiles", "e-1",
                "http://profiles.margin.svc/", "422");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode listed = list(Map.of("type", type));
        assertThat(listed.path("deadLetters")).hasSize(1);
        JsonNode entry = listed.path("deadLetters").get(0);
        assertThat(entry.path("type").asString()).isEqualTo(type);
        assertThat(entry.path("source").asString()).isEqualTo("urn:margin:profiles");
        assertThat(entry.path("eventId").asString()).isEqualTo("e-1");
        assertThat(entry.path("destination").asString()).isEqualTo("http://profiles.margin.svc/");
        assertThat(entry.path("status").asInt()).isEqualTo(422);
        assertThat(entry.path("replayed").asBoolean()).isFalse();
        assertThat(entry.path("replayedAt").isNull()).isTrue();
        assertThat(entry.path("copies").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(entry.path("deadLetterId").asString())).isNotNull();
        assertThat(listed.has("nextCursor")).isFalse();
    }

    @Test
    void aLetterWhoseSubscriberNeverAnsweredHasNoStatus() {
        String type = uniqueType();

        assertThat(postDeadLetter(deadLetters.port(), type, "urn:margin:profiles", "unanswered-1", "http://gone/", null)
                .statusCode()).isEqualTo(202);

        JsonNode entry = list(Map.of("type", type)).path("deadLetters").get(0);
        assertThat(entry.path("status").isNull()).isTrue();
        assertThat(entry.path("destination").asString()).isEqualTo("http://gone/");
    }

    @Test
    void aDuplicateIsKeptOnceAndCounted() {
        String type = uniqueType();

        postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "dup-1", "http://alerts/", "500");
        HttpResponse<String> again = postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "dup-1",
                "http://alerts/", "500");

        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode listed = list(Map.of("type", type)).path("deadLetters");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("copies").asInt()).isEqualTo(2);
    }

    @Test
    void pagesRunNewestFirstAndFiltersApply() {
        String type = uniqueType();
        for (int i = 1; i <= 3; i++) {
            postDeadLetter(deadLetters.port(), type, "urn:margin:integrity", "page-" + i, "http://integrity/", "503");
        }
        postDeadLetter(deadLetters.port(), type, "urn:margin:integrity", "page-other", "http://elsewhere/", "503");

        JsonNode first = list(Map.of("type", type, "destination", "http://integrity/", "limit", 2));
        JsonNode second = list(Map.of("type", type, "destination", "http://integrity/", "limit", 2,
                "cursor", first.path("nextCursor").asString()));

        assertThat(eventIds(first)).containsExactly("page-3", "page-2");
        assertThat(eventIds(second)).containsExactly("page-1");
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(eventIds(list(Map.of("type", type, "replayed", true)))).isEmpty();
        assertThat(eventIds(list(Map.of("type", type, "replayed", false)))).hasSize(4);
    }

    @Test
    void aReplayReachesTheBrokerAsTheOriginalEventWithoutTheErrorExtensions() throws Exception {
        String type = uniqueType();
        postDeadLetter(deadLetters.port(), type, "urn:margin:writing-analysis", "replay-1", "http://profiles/", "503");
        String id = list(Map.of("type", type)).path("deadLetters").get(0).path("deadLetterId").asString();
        CompletableFuture<CloudEvent> received = new CompletableFuture<>();
        FunctionRuntime broker = receiver(type, received);
        JsonNode report;
        try {
            report = call("replay_dead_letters", Map.of("deadLetterIds", List.of(id)));
        } finally {
            broker.stop();
        }

        assertThat(report.path("isError").asBoolean()).isFalse();
        assertThat(report.path("structuredContent").path("sent").asInt()).isEqualTo(1);
        assertThat(report.path("structuredContent").path("failed").asInt()).isZero();
        CloudEvent event = received.get(5, TimeUnit.SECONDS);
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).isEqualTo(URI.create("urn:margin:writing-analysis"));
        assertThat(event.getId()).isEqualTo("replay-1");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema()).isEqualTo(URI.create("https://schemas.margin.dev/events/test/v1.json"));
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo(DATA);
        assertThat(event.getExtension("margintier")).isEqualTo("local");
        assertThat(event.getExtensionNames())
                .doesNotContain(LetterFormat.ERROR_DESTINATION, LetterFormat.ERROR_CODE, LetterFormat.ERROR_DATA);
        JsonNode entry = list(Map.of("type", type, "replayed", true)).path("deadLetters").get(0);
        assertThat(entry.path("deadLetterId").asString()).isEqualTo(id);
        assertThat(entry.path("replayedAt").isString()).isTrue();
        assertThat(entry.path("replayCount").asInt()).isEqualTo(1);

        // The replay failed once more: its copy comes back and the letter is unreplayed again.
        postDeadLetter(deadLetters.port(), type, "urn:margin:writing-analysis", "replay-1", "http://profiles/", "503");
        JsonNode back = list(Map.of("type", type)).path("deadLetters").get(0);
        assertThat(back.path("replayed").asBoolean()).isFalse();
        assertThat(back.path("copies").asInt()).isEqualTo(2);
        assertThat(back.path("replayCount").asInt()).isEqualTo(1);
    }

    @Test
    void aReplayByTypeWhileTheBrokerIsDownFailsAndLeavesTheLetterUnreplayed() {
        String type = uniqueType();
        postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "down-1", "http://alerts/", "500");

        JsonNode report = call("replay_dead_letters", Map.of("type", type));

        JsonNode counts = report.path("structuredContent");
        assertThat(report.path("isError").asBoolean()).isFalse();
        assertThat(counts.path("sent").asInt()).isZero();
        assertThat(counts.path("failed").asInt()).isEqualTo(1);
        assertThat(counts.path("more").asBoolean()).isFalse();
        assertThat(counts.path("failures").get(0).path("reason").asString()).contains("could not be reached");
        JsonNode entry = list(Map.of("type", type, "replayed", false)).path("deadLetters").get(0);
        assertThat(entry.path("eventId").asString()).isEqualTo("down-1");
        assertThat(entry.path("replayCount").asInt()).isZero();
    }

    @Test
    void aReplayByTypeSendsOnlyLettersNotYetReplayedUpToTheLimit() throws Exception {
        String type = uniqueType();
        for (int i = 1; i <= 3; i++) {
            postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "batch-" + i, "http://alerts/", "500");
        }
        List<String> arrived = new ArrayList<>();
        FunctionRuntime broker = FunctionRuntime.builder().service("broker")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", Integer.toString(brokerPort))))
                .cloudEvent(type, event -> {
                    synchronized (arrived) {
                        arrived.add(event.getId());
                    }
                    return EventOutcome.accepted();
                })
                .build().start();
        JsonNode first;
        JsonNode second;
        JsonNode third;
        try {
            first = call("replay_dead_letters", Map.of("type", type, "limit", 2)).path("structuredContent");
            second = call("replay_dead_letters", Map.of("type", type, "limit", 2)).path("structuredContent");
            third = call("replay_dead_letters", Map.of("type", type)).path("structuredContent");
        } finally {
            broker.stop();
        }

        assertThat(first.path("sent").asInt()).isEqualTo(2);
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(second.path("sent").asInt()).isEqualTo(1);
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(third.path("sent").asInt()).isZero();
        assertThat(arrived).containsExactly("batch-1", "batch-2", "batch-3");
    }

    @Test
    void badInputGetsAToolErrorThatSaysWhat() {
        JsonNode badCursor = call("list_dead_letters", Map.of("cursor", "not-a-cursor"));
        JsonNode badId = call("replay_dead_letters", Map.of("deadLetterIds", List.of("not-a-uuid")));
        JsonNode both = call("replay_dead_letters", Map.of("deadLetterIds", List.of(UUID.randomUUID().toString()),
                "type", "org.margin.x.v1"));
        JsonNode neither = call("replay_dead_letters", Map.of());
        JsonNode badLimit = call("list_dead_letters", Map.of("limit", 0));
        JsonNode unknownId = call("replay_dead_letters", Map.of("deadLetterIds",
                List.of(UUID.randomUUID().toString())));

        assertThat(badCursor.path("isError").asBoolean()).isTrue();
        assertThat(text(badCursor)).contains("cursor");
        assertThat(badId.path("isError").asBoolean()).isTrue();
        assertThat(text(badId)).contains("deadLetterIds[0]").doesNotContain("not-a-uuid");
        assertThat(both.path("isError").asBoolean()).isTrue();
        assertThat(neither.path("isError").asBoolean()).isTrue();
        assertThat(badLimit.path("isError").asBoolean()).isTrue();
        assertThat(unknownId.path("isError").asBoolean()).isFalse();
        assertThat(unknownId.path("structuredContent").path("notFound").asInt()).isEqualTo(1);
        assertThat(unknownId.path("structuredContent").path("sent").asInt()).isZero();
    }

    @Test
    void withTheStoreUnreachableALetterIsRetriedAndToolsSayTheServiceIsUnavailable() {
        FunctionRuntime cutOff = DeadLettersFunction.runtime(
                environment("r2dbc:postgresql://127.0.0.1:" + freePort() + "/margin")).build().start();
        try {
            HttpResponse<String> response = postDeadLetter(cutOff.port(), uniqueType(), "urn:margin:alerts", "x-1",
                    "http://alerts/", "500");
            JsonNode listed = call(cutOff.port(), "list_dead_letters", Map.of());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("retry-after")).isPresent();
            assertThat(listed.path("isError").asBoolean()).isTrue();
            assertThat(text(listed)).contains("temporarily unavailable");
        } finally {
            cutOff.stop();
        }
    }

    @Test
    void theTablesGrantsLetTheApplicationRoleChangeOnlyTheCopyAndReplayColumns() {
        String type = uniqueType();
        postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "grant-1", "http://alerts/", "500");
        try (Store store = database.storeBuilder().build()) {
            assertThat(store.deadLetters().unreplayed(type, 1)).hasSize(1);
        }
        try (java.sql.Connection app = java.sql.DriverManager.getConnection(database.jdbcUrl(),
                database.app().user(), database.app().password());
             java.sql.Statement statement = app.createStatement()) {
            statement.execute("SET search_path = margin");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(
                            "UPDATE dead_letters SET event = ''::bytea WHERE type = '" + type + "'"))
                    .hasMessageContaining("permission denied");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(
                            "DELETE FROM dead_letters WHERE type = '" + type + "'"))
                    .hasMessageContaining("permission denied");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReplayIsRecordedInTheInstallationsAuditChainUnderTheOperatorsName() throws Exception {
        String type = uniqueType();
        postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "audited-1", "http://alerts/", "500");
        String id = list(Map.of("type", type)).path("deadLetters").get(0).path("deadLetterId").asString();
        CompletableFuture<CloudEvent> received = new CompletableFuture<>();
        FunctionRuntime broker = receiver(type, received);
        JsonNode report;
        try {
            report = call("replay_dead_letters", Map.of("deadLetterIds", List.of(id)));
        } finally {
            broker.stop();
        }

        assertThat(report.path("structuredContent").path("sent").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(received.get(5, TimeUnit.SECONDS).getId()).isEqualTo("audited-1");
        assertThat(replaysRecorded(id)).singleElement().satisfies(entry -> {
            assertThat(entry.path("type").asString()).isEqualTo("administrative");
            assertThat(entry.path("action").asString()).isEqualTo("dead_letter.replayed");
            assertThat(entry.path("actor").asString()).isEqualTo("dead-letters-test");
            assertThat(entry.path("actor_role").asString()).isEqualTo("service");
        });

        postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "audited-2", "http://alerts/", "500");
        String secondId = list(Map.of("type", type, "replayed", false)).path("deadLetters").get(0)
                .path("deadLetterId").asString();
        JsonNode failed = call("replay_dead_letters", Map.of("deadLetterIds", List.of(secondId)));
        assertThat(failed.path("structuredContent").path("failed").asInt()).isEqualTo(1);
        assertThat(replaysRecorded(secondId)).as("a failed send stays recorded as attempted").hasSize(1);
    }

    @Test
    void studentsEducatorsAdministratorsAndUnnamedServicesAreRefusedAndNothingIsReplayedOrRecorded() {
        String type = uniqueType();
        postDeadLetter(deadLetters.port(), type, "urn:margin:alerts", "refused-1", "http://alerts/", "500");
        String id = list(Map.of("type", type)).path("deadLetters").get(0).path("deadLetterId").asString();
        UUID tenant = UUID.randomUUID();
        List<String> scope = List.of("deadletters:admin");
        String student = TOKENS.issue(DevTokens.Grant.person(RESOURCE, Role.STUDENT, tenant, UUID.randomUUID(), scope));
        String educator = TOKENS.issue(DevTokens.Grant.person(RESOURCE, Role.EDUCATOR, tenant, UUID.randomUUID(),
                scope));
        // An institution's administrator: dead letters cross institutions, so the tools are not theirs either.
        String administrator = TOKENS.issue(DevTokens.Grant.person(RESOURCE, Role.ADMINISTRATOR, tenant,
                UUID.randomUUID(), scope));
        String unnamed = TOKENS.issue(new DevTokens.Grant("operator@example.org", RESOURCE, Role.SERVICE,
                java.util.Optional.empty(), java.util.Optional.empty(), scope, DevTokens.DEFAULT_LIFETIME));

        for (String token : List.of(student, educator, administrator)) {
            for (String tool : List.of("list_dead_letters", "replay_dead_letters")) {
                JsonNode refused = callAs(token, deadLetters.port(), tool, Map.of("type", type));
                assertThat(refused.path("isError").asBoolean()).isTrue();
                assertThat(text(refused)).contains("for the platform's operators");
            }
        }
        assertThat(callAs(unnamed, deadLetters.port(), "list_dead_letters", Map.of("type", type))
                .path("structuredContent").path("deadLetters")).hasSize(1);
        JsonNode unnamedReplay = callAs(unnamed, deadLetters.port(), "replay_dead_letters", Map.of("type", type));
        assertThat(text(unnamedReplay)).contains("a service name").doesNotContain("operator@example.org");

        assertThat(list(Map.of("type", type)).path("deadLetters").get(0).path("replayCount").asInt()).isZero();
        assertThat(replaysRecorded(id)).isEmpty();
    }

    /** The installation chain's entries about one dead letter. */
    private static List<JsonNode> replaysRecorded(String deadLetterId) {
        List<JsonNode> found = new ArrayList<>();
        try (Store store = database.storeBuilder().build()) {
            for (AuditEntryRow row : store.auditTrail().page(AuditLog.INSTALLATION, 0, 100_000)) {
                JsonNode entry = Json.MAPPER.readTree(row.payload());
                if (entry.path("target").asString().equals("dead-letter:" + deadLetterId)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private static FunctionRuntime receiver(String type, CompletableFuture<CloudEvent> received) {
        return FunctionRuntime.builder().service("broker")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", Integer.toString(brokerPort))))
                .cloudEvent(type, event -> {
                    received.complete(event);
                    return EventOutcome.accepted();
                })
                .build().start();
    }

    private static Map<String, String> environment(String databaseUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", "0");
        environment.put(Store.Builder.URL, databaseUrl);
        environment.put(Store.Builder.USER_NAME, database.app().user());
        environment.put(Store.Builder.USER_PASSWORD, database.app().password());
        environment.put(HttpEventSink.K_SINK, "http://127.0.0.1:" + brokerPort + "/");
        environment.putAll(TOKENS.environment(RESOURCE));
        return environment;
    }

    /** A dead letter as Knative's broker posts it: the original event in binary mode plus its error extensions. */
    private static HttpResponse<String> postDeadLetter(int port, String type, String source, String id,
                                                       String destination, String code) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-type", type)
                .header("ce-source", source)
                .header("ce-id", id)
                .header("ce-dataschema", "https://schemas.margin.dev/events/test/v1.json")
                .header("ce-margintier", "local")
                .header("ce-knativeerrordest", destination);
        if (code != null) {
            request.header("ce-knativeerrorcode", code)
                    .header("ce-knativeerrordata", Base64.getEncoder().encodeToString(
                            "{\"type\":\"urn:margin:problem:unavailable\"}".getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(DATA)).build());
    }

    private static JsonNode list(Map<String, Object> arguments) {
        JsonNode result = call("list_dead_letters", arguments);
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        return result.path("structuredContent");
    }

    private static JsonNode call(String tool, Map<String, Object> arguments) {
        return call(deadLetters.port(), tool, arguments);
    }

    /** A 2026-07-28 tools/call with the headers and {@code _meta} a conforming client sends; returns its result. */
    private static JsonNode call(int port, String tool, Map<String, Object> arguments) {
        return callAs(TOKEN, port, tool, arguments);
    }

    private static JsonNode callAs(String token, int port, String tool, Map<String, Object> arguments) {
        ObjectNode message = Json.object();
        message.put("jsonrpc", "2.0");
        message.put("id", 1);
        message.put("method", "tools/call");
        ObjectNode params = message.putObject("params");
        params.put("name", tool);
        params.set("arguments", Json.MAPPER.valueToTree(new LinkedHashMap<>(arguments)));
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = Json.MAPPER.readTree(response.body());
        assertThat(reply.has("result")).as(response.body()).isTrue();
        return reply.path("result");
    }

    private static String text(JsonNode result) {
        return result.path("content").get(0).path("text").asString();
    }

    private static List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("deadLetters").forEach(entry -> ids.add(entry.path("eventId").asString()));
        return ids;
    }

    private static String uniqueType() {
        return "org.margin.test" + UUID.randomUUID().toString().replace("-", "") + ".v1";
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
