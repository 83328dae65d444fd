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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.StoreException;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalConnection;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.margin.grid.support.FreePorts;

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
    static final int DATA_GOVERNANCE = 7;
    /** The launcher's development token issuer, enabled by {@link FunctionProcess#launcher}. */
    static final int DEV_TOKENS = 19;
    /** The launcher's grid member, after its database (+ 20). */
    static final int GRID_MEMBER = 21;
    private static final int AUDIT_PAGE = 500;

    final TenantId tenant;
    final RSAKey canvasKey;
    final int base;
    final FunctionProcess process;
    final Store store;
    final Webhooks webhooks;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

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
        // The broker, the functions, the token issuer, the database (+ 20) and the grid member (+ 21).
        int base = FreePorts.base(GRID_MEMBER + 1);
        RSAKey canvasKey = new RSAKeyGenerator(2048).keyID("canvas-e2e").generate();
        TenantId tenant = new TenantId(UUID.randomUUID());
        Map<String, String> env = new HashMap<>(extra);
        env.put("MARGIN_LOCAL_DIR", directory.toString());
        env.put("MARGIN_LMS_SOURCES", """
                [{"id": "moodle-north", "institutionId": "%s", "lms": "moodle", "hmacSecrets": ["%s"]},
                 {"id": "canvas-north", "institutionId": "%s", "lms": "canvas", "issuer": "%s", "jwks": %s}]"""
                .formatted(tenant.value(), Base64.getEncoder().encodeToString(MOODLE_SECRET), tenant.value(),
                        CANVAS_ISSUER, new JWKSet(canvasKey.toPublicJWK()).toString()));
        FunctionProcess process = FunctionProcess.launcher(env, base, DATA_GOVERNANCE);
        Store store = Store.builder()
                .environment(LocalConnection.environment(directory.resolve("postgres"), base + 20))
                .callTimeout(Duration.ofSeconds(30))
                .build();
        LocalMargin margin = new LocalMargin(tenant, canvasKey, base, process, store);
        try {
            margin.registerInstitution();
            margin.awaitKeys();
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

    /**
     * Waits for the launcher to say that the keysets exist (it creates them once the database is up): before that,
     * a tool that encrypts or decrypts answers "temporarily unavailable".
     */
    private void awaitKeys() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!process.output().contains("ready (key-encryption key in")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the launcher did not create its keys within " + PATIENCE);
            }
            Thread.sleep(100);
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
        ObjectNode arguments = McpHttp.JSON.createObjectNode().put("courseId", course.value().toString());
        arguments.set("rule", McpHttp.parse(rule));
        JsonNode defined = callRaw(EDUCATOR_ALERTS, Bearer.educator(tenant, educator), "define_alert_rule",
                arguments);
        assertThat(defined.path("result").path("isError").asBoolean()).as(defined.toString()).isFalse();
    }

    JsonNode awaitAlerts(PersonId educator, Predicate<JsonNode> until, Duration patience) {
        return awaitTool(EDUCATOR_ALERTS, Bearer.educator(tenant, educator), "list_alerts",
                McpHttp.JSON.createObjectNode(), result -> until.test(result.path("alerts")), patience)
                .path("alerts");
    }

    JsonNode awaitTool(int function, Bearer as, String tool, ObjectNode arguments, Predicate<JsonNode> until,
                       Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode result = call(function, as, tool, arguments);
        while (!until.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            result = call(function, as, tool, arguments);
        }
        return result;
    }

    /** A tool call by the institution's administrator that must succeed: its structured content. */
    JsonNode call(int function, String tool, ObjectNode arguments) {
        return call(function, Bearer.administrator(tenant), tool, arguments);
    }

    /** A tool call that must succeed: its structured content. */
    JsonNode call(int function, Bearer as, String tool, ObjectNode arguments) {
        JsonNode response = callRaw(function, as, tool, arguments);
        assertThat(response.path("result").path("isError").asBoolean()).as(response.toString()).isFalse();
        return response.path("result").path("structuredContent");
    }

    /** A tool call by the institution's administrator: its whole JSON-RPC response. */
    JsonNode callRaw(int function, String tool, ObjectNode arguments) {
        return callRaw(function, Bearer.administrator(tenant), tool, arguments);
    }

    /** A tool call answered 200: its whole JSON-RPC response. */
    JsonNode callRaw(int function, Bearer as, String tool, ObjectNode arguments) {
        HttpResponse<String> response = post(function, token(function, as), tool, arguments);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.parse(response.body());
    }

    /** A tool call with {@code token} as it is, whatever the answer. */
    HttpResponse<String> post(int function, String token, String tool, ObjectNode arguments) {
        return McpHttp.postStateless(uri(function, "/mcp"), tool,
                McpHttp.statelessToolCall(tool, arguments).toString(), token);
    }

    /**
     * A token for {@code function} from the launcher's development issuer, as a developer gets one
     * ({@code ./margin token}).
     */
    String token(int function, Bearer bearer) {
        return tokens.computeIfAbsent(function + " " + bearer, unused -> issue(uri(function, "/mcp").toString(),
                bearer));
    }

    /** An administrator's token for {@code function}. */
    String token(int function) {
        return token(function, Bearer.administrator(tenant));
    }

    /** A fresh token for {@code audience} (a function's resource URI) from the launcher's development issuer. */
    String issue(String audience, Bearer bearer) {
        ObjectNode request = McpHttp.JSON.createObjectNode()
                .put("role", bearer.role())
                .put("audience", audience);
        if (bearer.tenant() != null) {
            request.put("tenant", bearer.tenant().toString());
        }
        bearer.person().ifPresent(person -> request.put("person", person.toString()));
        bearer.scopes().forEach(request.putArray("scopes")::add);
        HttpResponse<String> response = McpHttp.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (base + DEV_TOKENS) + "/dev-auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.parse(response.body()).path("access_token").asString();
    }

    /** The disclosure entries of {@code tenant}'s audit log by the person {@code actor} about {@code student}. */
    List<JsonNode> disclosures(TenantId tenant, UUID actor, String student) {
        return auditEntries(tenant).stream()
                .filter(entry -> entry.path("type").asString().equals("disclosure"))
                .filter(entry -> entry.path("actor").asString().equals(actor.toString()))
                .filter(entry -> entry.path("student").asString().equals(student))
                .toList();
    }

    /** Every entry of {@code tenant}'s audit log, read through the store as the application reads it. */
    List<JsonNode> auditEntries(TenantId tenant) {
        List<JsonNode> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            List<AuditEntryRow> page = store.auditTrail().page(tenant, after, AUDIT_PAGE);
            for (AuditEntryRow row : page) {
                entries.add(McpHttp.parse(new String(row.payload(), StandardCharsets.UTF_8)));
                after = row.seq();
            }
            if (page.size() < AUDIT_PAGE) {
                return entries;
            }
        }
    }

    String metrics(int function) {
        return McpHttp.send(HttpRequest.newBuilder(uri(function, "/metrics")).build()).body();
    }

    URI uri(int function, String path) {
        return URI.create("http://127.0.0.1:" + (base + function) + path);
    }

    /**
     * Who a development token is for: a role ({@code student}, {@code educator}, {@code administrator}) in a tenant,
     * the person (students and educators) and the scopes it grants; a {@code service} has no tenant (null).
     */
    record Bearer(String role, UUID tenant, Optional<UUID> person, List<String> scopes) {

        /** The tenant's administrator, one person per tenant (audit entries name the acting person). */
        static Bearer administrator(TenantId tenant) {
            return new Bearer("administrator", tenant.value(), Optional.of(UUID.nameUUIDFromBytes(
                    ("administrator of " + tenant.value()).getBytes(StandardCharsets.UTF_8))), McpHttp.ALL_SCOPES);
        }

        static Bearer educator(TenantId tenant, PersonId educator) {
            return new Bearer("educator", tenant.value(), Optional.of(educator.value()), McpHttp.ALL_SCOPES);
        }

        static Bearer student(TenantId tenant, PersonId student) {
            return new Bearer("student", tenant.value(), Optional.of(student.value()), McpHttp.ALL_SCOPES);
        }

        /** A Margin component, which acts on events and sees nothing through tools. */
        static Bearer service() {
            return new Bearer("service", null, Optional.empty(), McpHttp.ALL_SCOPES);
        }

        /** The same bearer with every scope but {@code scope}. */
        Bearer without(String scope) {
            return new Bearer(role, tenant, person, scopes.stream().filter(granted -> !granted.equals(scope))
                    .toList());
        }
    }

    @Override
    public void close() throws InterruptedException {
        store.close();
        process.close();
    }
}
