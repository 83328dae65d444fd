package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.StoreException;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Margin in local mode for a test, as {@code ./margin dev} runs it (the launcher as its own process), with one
 * institution whose Moodle and Canvas send signed webhooks, the roster an LMS sync would give (written straight to
 * the store: no roster sync exists), and MCP calls to the functions by port.
 */
final class LocalMargin implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final byte[] MOODLE_SECRET = "the north district's moodle secret".getBytes(StandardCharsets.UTF_8);
    static final String CANVAS_ISSUER = "https://canvas.example.edu";
    static final int WRITING_ANALYSIS = 1;
    static final int STUDENT_PROFILING = 2;
    static final int EDUCATOR_ALERTS = 3;
    static final int ACADEMIC_INTEGRITY = 4;
    static final int LMS_INGRESS = 5;
    static final int DEAD_LETTERS = 6;
    /** The launcher's development token issuer, enabled by {@link FunctionProcess#launcher}. */
    static final int DEV_TOKENS = 19;

    final TenantId tenant;
    final RSAKey canvasKey;
    final int base;
    final FunctionProcess process;
    final Store store;
    final Webhooks webhooks;
    private final Map<Integer, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalMargin(TenantId tenant, RSAKey canvasKey, int base, FunctionProcess process, Store store) {
        this.tenant = tenant;
        this.canvasKey = canvasKey;
        this.base = base;
        this.process = process;
        this.store = store;
        this.webhooks = new Webhooks(URI.create("http://127.0.0.1:" + (base + LMS_INGRESS)));
    }

    /** Starts the launcher with {@code extra} added to its environment, and waits for its database. */
    static LocalMargin start(Map<String, String> extra) throws IOException, JOSEException, InterruptedException {
        Path directory = Files.createTempDirectory("margin-local");
        int base = FunctionProcess.freePort();
        RSAKey canvasKey = new RSAKeyGenerator(2048).keyID("canvas-e2e").generate();
        TenantId tenant = new TenantId(UUID.randomUUID());
        Map<String, String> env = new HashMap<>(extra);
        env.put("MARGIN_LOCAL_DIR", directory.toString());
        env.put("MARGIN_LMS_SOURCES", """
                [{"id": "moodle-north", "institutionId": "%s", "lms": "moodle", "hmacSecrets": ["%s"]},
                 {"id": "canvas-north", "institutionId": "%s", "lms": "canvas", "issuer": "%s", "jwks": %s}]"""
                .formatted(tenant.value(), Base64.getEncoder().encodeToString(MOODLE_SECRET), tenant.value(),
                        CANVAS_ISSUER, new JWKSet(canvasKey.toPublicJWK()).toString()));
        FunctionProcess process = FunctionProcess.launcher(env, base, DEAD_LETTERS);
        Store store = Store.builder()
                .environment(LocalDatabase.connectionEnvironment(directory.resolve("postgres"), base + 20))
                .callTimeout(Duration.ofSeconds(30))
                .build();
        LocalMargin margin = new LocalMargin(tenant, canvasKey, base, process, store);
        try {
            margin.registerInstitution();
        } catch (RuntimeException | InterruptedException failed) {
            margin.close();
            throw failed;
        }
        return margin;
    }

    private void registerInstitution() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                store.institutions().register(tenant, "North district");
                return;
            } catch (StoreException startingUp) {
                // The database is starting, or running its migrations.
                if (System.nanoTime() > deadline) {
                    throw startingUp;
                }
                Thread.sleep(500);
            }
        }
    }

    CourseId course(String code, String title) {
        return store.courses().ensure(tenant, code, title);
    }

    /** An educator teaching {@code course} since last month. */
    PersonId educatorOf(CourseId course) {
        Opaque marker = Opaque.of(("seed:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        PersonId educator = store.people().register(tenant, new PersonIdentity(marker, Optional.empty(),
                Optional.empty(), Optional.empty(), marker, Optional.empty()));
        store.enrollments().enroll(tenant, course, educator, EnrollmentRole.TEACHER, LocalDate.now().minusMonths(1),
                Optional.empty());
        return educator;
    }

    void defineRule(PersonId educator, CourseId course, String rule) {
        ObjectNode arguments = arguments(educator).put("courseId", course.value().toString());
        arguments.set("rule", McpHttp.parse(rule));
        JsonNode defined = callRaw(EDUCATOR_ALERTS, "define_alert_rule", arguments);
        assertThat(defined.path("result").path("isError").asBoolean()).as(defined.toString()).isFalse();
    }

    JsonNode awaitAlerts(PersonId educator, Predicate<JsonNode> until, Duration patience) {
        return awaitTool(EDUCATOR_ALERTS, "list_alerts", arguments(educator),
                result -> until.test(result.path("alerts")), patience).path("alerts");
    }

    JsonNode awaitTool(int function, String tool, ObjectNode arguments, Predicate<JsonNode> until,
                       Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode result = call(function, tool, arguments);
        while (!until.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            result = call(function, tool, arguments);
        }
        return result;
    }

    /** A tool call that must succeed: its structured content. */
    JsonNode call(int function, String tool, ObjectNode arguments) {
        JsonNode response = callRaw(function, tool, arguments);
        assertThat(response.path("result").path("isError").asBoolean()).as(response.toString()).isFalse();
        return response.path("result").path("structuredContent");
    }

    /** A tool call's whole JSON-RPC response. */
    JsonNode callRaw(int function, String tool, ObjectNode arguments) {
        HttpResponse<String> response = McpHttp.postStateless(uri(function, "/mcp"), tool,
                McpHttp.statelessToolCall(tool, arguments).toString(), token(function));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.parse(response.body());
    }

    /**
     * An administrator's token for {@code function}, from the launcher's development issuer, as a developer gets
     * one ({@code ./margin token}).
     */
    String token(int function) {
        return tokens.computeIfAbsent(function, unused -> {
            ObjectNode request = McpHttp.JSON.createObjectNode()
                    .put("role", "administrator")
                    .put("tenant", tenant.value().toString())
                    .put("audience", uri(function, "/mcp").toString());
            McpHttp.ALL_SCOPES.forEach(request.putArray("scopes")::add);
            HttpResponse<String> response = McpHttp.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + (base + DEV_TOKENS) + "/dev-auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return McpHttp.parse(response.body()).path("access_token").asString();
        });
    }

    String metrics(int function) {
        return McpHttp.send(HttpRequest.newBuilder(uri(function, "/metrics")).build()).body();
    }

    URI uri(int function, String path) {
        return URI.create("http://127.0.0.1:" + (base + function) + path);
    }

    ObjectNode arguments(PersonId educator) {
        ObjectNode arguments = McpHttp.JSON.createObjectNode();
        arguments.put("institutionId", tenant.value().toString());
        arguments.put("educatorId", educator.value().toString());
        return arguments;
    }

    @Override
    public void close() throws InterruptedException {
        store.close();
        process.close();
    }
}
