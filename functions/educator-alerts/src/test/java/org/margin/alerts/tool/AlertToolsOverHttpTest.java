package org.margin.alerts.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.alerts.EducatorAlertsFunction;
import org.margin.alerts.TestWorld;
import org.margin.alerts.evaluation.AlertEvaluator;
import org.margin.audit.log.AuditLog;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The four tools through real MCP calls (2026-07-28, stateless) over loopback, on a real store. */
class AlertToolsOverHttpTest {

    private static final Instant NOW = TestWorld.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Store store;
    private static AuditLog audit;
    private static FunctionRuntime runtime;
    private static Clock clock;
    private static final String RESOURCE = "http://127.0.0.1/mcp";
    private static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    private static final String SERVICE = TOKENS.issue(DevTokens.Grant.service(RESOURCE, "alerts-test",
            List.of("alerts:read", "alerts:write")));

    @BeforeAll
    static void start() {
        store = TestWorld.openStore();
        clock = Clock.fixed(NOW, ZoneOffset.UTC);
        audit = AuditLog.create(store.auditTrail());
        runtime = EducatorAlertsFunction.runtime(store, audit, clock)
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0"))
                        .withAccessTokens(TOKENS.settings(RESOURCE)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        audit.close();
    }

    @Test
    void toolsAreListedWithSchemasAndHonestAnnotations() {
        JsonNode tools = post(SERVICE, "tools/list", null, Json.object()).path("result").path("tools");
        assertThat(tools.findValuesAsString("name")).containsExactlyInAnyOrder("list_alerts", "acknowledge_alert",
                "define_alert_rule", "list_alert_rules");
        for (JsonNode tool : tools) {
            assertThat(tool.path("outputSchema").path("type").asString()).isEqualTo("object");
            assertThat(tool.path("inputSchema").path("properties").propertyNames()).as("the caller is the token's")
                    .doesNotContain("institutionId", "educatorId");
            boolean readOnly = tool.path("annotations").path("readOnlyHint").asBoolean();
            assertThat(readOnly).as(tool.path("name").asString())
                    .isEqualTo(tool.path("name").asString().startsWith("list_"));
        }
    }

    @Test
    void anEducatorDefinesRulesOnlyForACourseTheyTeachAndWithSaneParameters() {
        TestWorld world = TestWorld.create(store);
        ObjectNode rule = Json.object().put("kind", "metric_threshold").put("metric", "mtld")
                .put("comparison", "below").put("threshold", 40);

        JsonNode defined = call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString()).set("rule", rule.deepCopy()));
        assertThat(defined.path("isError").asBoolean(false)).as(defined.toString()).isFalse();
        assertThat(defined.path("structuredContent").path("rule")).isEqualTo(Json.MAPPER.readTree(
                "{\"kind\":\"metric_threshold\",\"metric\":\"mtld\",\"comparison\":\"below\",\"threshold\":40.0}"));

        assertThat(errorText(call(educator(world, world.otherTeacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString()).set("rule", rule.deepCopy()))))
                .isEqualTo(DefineAlertRuleTool.NOT_YOUR_COURSE);
        assertThat(errorText(call(educator(world, world.formerAssistant()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString()).set("rule", rule.deepCopy()))))
                .isEqualTo(DefineAlertRuleTool.NOT_YOUR_COURSE);
        assertThat(errorText(call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .set("rule", rule.deepCopy())))).isEqualTo(DefineAlertRuleTool.INSTITUTION_WIDE);
        assertThat(errorText(call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString())
                .set("rule", rule.deepCopy().put("metric", "typeTokenRatio").put("threshold", 7)))))
                .isEqualTo("rule.threshold for typeTokenRatio must be a number between 0 and 1");
        assertThat(call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString())
                .set("rule", rule.deepCopy().put("metric", "vibes"))).path("isError").asBoolean())
                .as("an unknown metric breaks the input schema").isTrue();

        JsonNode listed = call(educator(world, world.assistant()), "list_alert_rules", Json.object())
                .path("structuredContent").path("rules");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("scope").asString()).isEqualTo("course");
        assertThat(listed.get(0).path("definedByYou").asBoolean()).isFalse();
        assertThat(call(educator(world, world.otherTeacher()), "list_alert_rules", Json.object())
                .path("structuredContent").path("rules")).isEmpty();
    }

    @Test
    void alertsArePagedForTheirRecipientAndAcknowledgedOnlyByThem() {
        TestWorld world = TestWorld.create(store);
        call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString())
                .set("rule", Json.object().put("kind", "inactivity").put("days", 7)));
        for (int i = 0; i < 4; i++) {
            world.submit(world.newStudent(), NOW.minusSeconds(86_400L * 10));
        }
        new AlertEvaluator(store, clock).evaluateInactivity(world.tenant(), TestWorld.TODAY);

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ObjectNode arguments = Json.object().put("limit", 2)
                    .put("status", "open");
            cursor.ifPresent(next -> arguments.put("cursor", next));
            JsonNode page = call(educator(world, world.assistant()), "list_alerts", arguments)
                    .path("structuredContent");
            page.path("alerts").forEach(alert -> seen.add(alert.path("alertId").asString()));
            cursor = page.has("nextCursor") ? Optional.of(page.path("nextCursor").asString()) : Optional.empty();
        } while (cursor.isPresent());
        assertThat(seen).as("four idle students and the one of the world, who never submitted").hasSize(5)
                .doesNotHaveDuplicates();
        assertThat(call(educator(world, world.otherTeacher()), "list_alerts", Json.object()).path("structuredContent")
                .path("alerts")).isEmpty();

        String alertId = seen.getFirst();
        String notYours = errorText(call(educator(world, world.teacher()), "acknowledge_alert", Json.object()
                .put("alertId", alertId)));
        assertThat(notYours).as("the teacher's own copy has another id").isEqualTo(AcknowledgeAlertTool.NOT_YOURS);
        assertThat(errorText(call(educator(world, world.assistant()), "acknowledge_alert", Json.object()
                .put("alertId", UUID.randomUUID().toString())))).as("no such alert: the same words")
                .isEqualTo(notYours);

        for (int twice = 0; twice < 2; twice++) {
            JsonNode acknowledged = call(educator(world, world.assistant()), "acknowledge_alert", Json.object()
                    .put("alertId", alertId)).path("structuredContent");
            assertThat(acknowledged.path("status").asString()).isEqualTo("acknowledged");
        }
        assertThat(call(educator(world, world.assistant()), "list_alerts", Json.object().put("status", "acknowledged"))
                .path("structuredContent").path("alerts").findValuesAsString("alertId")).containsExactly(alertId);

        assertThat(errorText(call(educator(world, world.assistant()), "list_alerts", Json.object()
                .put("cursor", "bm90IGEgY3Vyc29y")))).contains("cursor");
    }

    @Test
    void anAgentCheckingForNewAlertsGetsEachOnceAndDisclosesOnlyThose() {
        TestWorld world = TestWorld.create(store);
        call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString())
                .set("rule", Json.object().put("kind", "inactivity").put("days", 7)));
        world.submit(world.newStudent(), NOW.minusSeconds(86_400L * 10));
        AlertEvaluator evaluator = new AlertEvaluator(store, clock);
        evaluator.evaluateInactivity(world.tenant(), TestWorld.TODAY);
        JsonNode first = call(educator(world, world.teacher()), "list_alerts", Json.object()).path("structuredContent");
        assertThat(first.path("alerts")).as("the idle student and the one of the world").hasSize(2);
        String token = first.path("nextSyncToken").asString();
        long disclosed = disclosures(world);

        JsonNode nothingNew = call(educator(world, world.teacher()), "list_alerts", Json.object()
                .put("syncToken", token)).path("structuredContent");
        assertThat(nothingNew.path("alerts")).isEmpty();
        assertThat(disclosures(world)).as("nothing shown, nothing disclosed").isEqualTo(disclosed);

        List<PersonId> idle = List.of(world.newStudent(), world.newStudent());
        idle.forEach(student -> world.submit(student, NOW.minusSeconds(86_400L * 10)));
        evaluator.evaluateInactivity(world.tenant(), TestWorld.TODAY);
        List<String> fresh = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        String next;
        do {
            ObjectNode arguments = Json.object().put("limit", 1).put("syncToken", nothingNew.path("nextSyncToken")
                    .asString());
            cursor.ifPresent(page -> arguments.put("cursor", page));
            JsonNode page = call(educator(world, world.teacher()), "list_alerts", arguments).path("structuredContent");
            page.path("alerts").forEach(alert -> fresh.add(alert.path("studentId").asString()));
            cursor = page.has("nextCursor") ? Optional.of(page.path("nextCursor").asString()) : Optional.empty();
            next = page.path("nextSyncToken").asString();
        } while (cursor.isPresent());
        assertThat(fresh).containsExactlyInAnyOrderElementsOf(idle.stream().map(id -> id.value().toString()).toList());
        assertThat(disclosures(world)).isEqualTo(disclosed + 2);
        assertThat(call(educator(world, world.teacher()), "list_alerts", Json.object().put("syncToken", next))
                .path("structuredContent").path("alerts")).isEmpty();
        assertThat(call(educator(world, world.otherTeacher()), "list_alerts", Json.object().put("syncToken", token))
                .path("structuredContent").path("alerts")).as("a token grants nothing").isEmpty();

        for (String forged : List.of("bm90IGEgdG9rZW4", first.path("alerts").get(0).path("alertId").asString(),
                Base64.getUrlEncoder().encodeToString("since|9:3:".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(errorText(call(educator(world, world.teacher()), "list_alerts", Json.object()
                    .put("syncToken", forged)))).contains("syncToken is not one list_alerts gave out");
        }
    }

    @Test
    void everyStudentListedIsDisclosedAndOthersSeeNoAlerts() {
        TestWorld world = TestWorld.create(store);
        call(educator(world, world.teacher()), "define_alert_rule", Json.object()
                .put("courseId", world.course().value().toString())
                .set("rule", Json.object().put("kind", "inactivity").put("days", 7)));
        PersonId idle = world.newStudent();
        world.submit(idle, NOW.minusSeconds(86_400L * 10));
        new AlertEvaluator(store, clock).evaluateInactivity(world.tenant(), TestWorld.TODAY);
        List<JsonNode> before = auditEntries(world);
        assertThat(before).as("the rule's definition").hasSize(1);
        assertThat(before.getFirst().path("action").asString()).isEqualTo(DefineAlertRuleTool.AUDIT_ACTION);

        // Refused: a student, the assistant whose enrolment ended, an educator of another institution, a service.
        TestWorld elsewhere = TestWorld.create(store);
        for (String refused : List.of(token(Role.STUDENT, world, idle), token(Role.STUDENT, world, world.student()),
                SERVICE)) {
            assertThat(errorText(call(refused, "list_alerts", Json.object())))
                    .isEqualTo(ActingCaller.EDUCATORS_ONLY);
        }
        assertThat(call(educator(world, world.formerAssistant()), "list_alerts", Json.object())
                .path("structuredContent").path("alerts")).isEmpty();
        assertThat(call(educator(elsewhere, elsewhere.teacher()), "list_alerts", Json.object())
                .path("structuredContent").path("alerts")).isEmpty();
        assertThat(auditEntries(world)).as("nothing disclosed to those refused").hasSize(1);

        JsonNode alerts = call(educator(world, world.assistant()), "list_alerts", Json.object())
                .path("structuredContent").path("alerts");
        assertThat(alerts.findValuesAsString("studentId")).containsExactlyInAnyOrder(idle.value().toString(),
                world.student().value().toString());
        List<JsonNode> disclosures = auditEntries(world).stream()
                .filter(entry -> entry.path("type").asString().equals("disclosure")).toList();
        assertThat(disclosures).hasSize(2);
        assertThat(disclosures.stream().map(entry -> entry.path("student").asString()))
                .containsExactlyInAnyOrder(idle.value().toString(), world.student().value().toString());
        for (JsonNode disclosure : disclosures) {
            assertThat(disclosure.path("actor").asString()).isEqualTo(world.assistant().value().toString());
            assertThat(disclosure.path("actor_role").asString()).isEqualTo("educator");
            assertThat(disclosure.path("tool").asString()).isEqualTo(ListAlertsTool.NAME);
            assertThat(disclosure.path("basis").asString()).isEqualTo("legitimate_educational_interest");
            assertThat(disclosure.path("disclosed").toString()).isEqualTo("[\"alerts\"]");
        }
    }

    @Test
    void anAdministratorMayDefineAnInstitutionWideRule() {
        TestWorld world = TestWorld.create(store);
        PersonId administrator = world.newStudent();
        ObjectNode rule = Json.object().put("kind", "inactivity").put("days", 14);

        JsonNode defined = call(token(Role.ADMINISTRATOR, world, administrator), "define_alert_rule",
                Json.object().set("rule", rule));

        assertThat(defined.path("isError").asBoolean(false)).as(defined.toString()).isFalse();
        assertThat(defined.path("structuredContent").has("courseId")).isFalse();
        JsonNode listed = call(educator(world, world.teacher()), "list_alert_rules", Json.object())
                .path("structuredContent").path("rules");
        assertThat(listed.findValuesAsString("scope")).containsExactly("institution");
        JsonNode entry = auditEntries(world).getFirst();
        assertThat(entry.path("actor_role").asString()).isEqualTo("administrator");
        assertThat(entry.path("target").asString())
                .isEqualTo("rule:" + defined.path("structuredContent").path("ruleId").asString());
        assertThat(errorText(call(token(Role.STUDENT, world, world.student()), "define_alert_rule",
                Json.object().put("courseId", world.course().value().toString()).set("rule", rule))))
                .isEqualTo(ActingCaller.EDUCATORS_ONLY);
    }

    private static String educator(TestWorld world, PersonId educator) {
        return token(Role.EDUCATOR, world, educator);
    }

    private static String token(Role role, TestWorld world, PersonId person) {
        return TOKENS.issue(DevTokens.Grant.person(RESOURCE, role, world.tenant().value(), person.value(),
                List.of("alerts:read", "alerts:write")));
    }

    private static long disclosures(TestWorld world) {
        return auditEntries(world).stream().filter(entry -> entry.path("type").asString().equals("disclosure")).count();
    }

    private static List<JsonNode> auditEntries(TestWorld world) {
        return store.auditTrail().page(world.tenant(), 0, 10_000).stream()
                .map(row -> Json.MAPPER.readTree(row.payload())).toList();
    }

    private static JsonNode call(String token, String tool, ObjectNode arguments) {
        ObjectNode params = Json.object().put("name", tool);
        params.set("arguments", arguments);
        JsonNode response = post(token, "tools/call", tool, params);
        assertThat(response.has("result")).as(response.toString()).isTrue();
        return response.path("result");
    }

    private static String errorText(JsonNode result) {
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
        return result.path("content").get(0).path("text").asString();
    }

    private static JsonNode post(String token, String method, String name, ObjectNode params) {
        ObjectNode body = Json.object().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        body.set("params", params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", method)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (name != null) {
            request.header("Mcp-Name", name);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Json.MAPPER.readTree(response.body());
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
