package org.margin.alerts.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
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
    private static FunctionRuntime runtime;
    private static Clock clock;
    private static final String RESOURCE = "http://127.0.0.1/mcp";
    private static final DevTokens TOKENS = DevTokens.generate("https://dev-auth.margin.test");
    private static final String TOKEN = TOKENS.issue(DevTokens.Grant.service(RESOURCE, "alerts-test",
            java.util.List.of("alerts:read", "alerts:write")));

    @BeforeAll
    static void start() {
        store = TestWorld.openStore();
        clock = Clock.fixed(NOW, ZoneOffset.UTC);
        runtime = EducatorAlertsFunction.runtime(store, clock)
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0"))
                        .withAccessTokens(TOKENS.settings(RESOURCE)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void toolsAreListedWithSchemasAndHonestAnnotations() {
        JsonNode tools = post("tools/list", null, Json.object()).path("result").path("tools");
        assertThat(tools.findValuesAsString("name")).containsExactlyInAnyOrder("list_alerts", "acknowledge_alert",
                "define_alert_rule", "list_alert_rules");
        for (JsonNode tool : tools) {
            assertThat(tool.path("outputSchema").path("type").asString()).isEqualTo("object");
            assertThat(tool.path("inputSchema").path("required").toString()).contains("institutionId");
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

        JsonNode defined = call("define_alert_rule", educatorArguments(world, world.teacher())
                .put("courseId", world.course().value().toString()).set("rule", rule.deepCopy()));
        assertThat(defined.path("isError").asBoolean(false)).as(defined.toString()).isFalse();
        assertThat(defined.path("structuredContent").path("rule")).isEqualTo(Json.MAPPER.readTree(
                "{\"kind\":\"metric_threshold\",\"metric\":\"mtld\",\"comparison\":\"below\",\"threshold\":40.0}"));

        assertThat(errorText(call("define_alert_rule", educatorArguments(world, world.otherTeacher())
                .put("courseId", world.course().value().toString()).set("rule", rule.deepCopy()))))
                .isEqualTo(DefineAlertRuleTool.NOT_YOUR_COURSE);
        assertThat(errorText(call("define_alert_rule", educatorArguments(world, world.formerAssistant())
                .put("courseId", world.course().value().toString()).set("rule", rule.deepCopy()))))
                .isEqualTo(DefineAlertRuleTool.NOT_YOUR_COURSE);
        assertThat(errorText(call("define_alert_rule", educatorArguments(world, world.teacher())
                .set("rule", rule.deepCopy())))).isEqualTo(DefineAlertRuleTool.INSTITUTION_WIDE);
        assertThat(errorText(call("define_alert_rule", educatorArguments(world, world.teacher())
                .put("courseId", world.course().value().toString())
                .set("rule", rule.deepCopy().put("metric", "typeTokenRatio").put("threshold", 7)))))
                .isEqualTo("rule.threshold for typeTokenRatio must be a number between 0 and 1");
        assertThat(call("define_alert_rule", educatorArguments(world, world.teacher())
                .put("courseId", world.course().value().toString())
                .set("rule", rule.deepCopy().put("metric", "vibes"))).path("isError").asBoolean())
                .as("an unknown metric breaks the input schema").isTrue();

        JsonNode listed = call("list_alert_rules", educatorArguments(world, world.assistant()))
                .path("structuredContent").path("rules");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("scope").asString()).isEqualTo("course");
        assertThat(listed.get(0).path("definedByYou").asBoolean()).isFalse();
        assertThat(call("list_alert_rules", educatorArguments(world, world.otherTeacher()))
                .path("structuredContent").path("rules")).isEmpty();
    }

    @Test
    void alertsArePagedForTheirRecipientAndAcknowledgedOnlyByThem() {
        TestWorld world = TestWorld.create(store);
        call("define_alert_rule", educatorArguments(world, world.teacher())
                .put("courseId", world.course().value().toString())
                .set("rule", Json.object().put("kind", "inactivity").put("days", 7)));
        for (int i = 0; i < 4; i++) {
            world.submit(world.newStudent(), NOW.minusSeconds(86_400L * 10));
        }
        new AlertEvaluator(store, clock).evaluateInactivity(world.tenant(), TestWorld.TODAY);

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ObjectNode arguments = educatorArguments(world, world.assistant()).put("limit", 2)
                    .put("status", "open");
            cursor.ifPresent(next -> arguments.put("cursor", next));
            JsonNode page = call("list_alerts", arguments).path("structuredContent");
            page.path("alerts").forEach(alert -> seen.add(alert.path("alertId").asString()));
            cursor = page.has("nextCursor") ? Optional.of(page.path("nextCursor").asString()) : Optional.empty();
        } while (cursor.isPresent());
        assertThat(seen).as("four idle students and the one of the world, who never submitted").hasSize(5)
                .doesNotHaveDuplicates();
        assertThat(call("list_alerts", educatorArguments(world, world.otherTeacher())).path("structuredContent")
                .path("alerts")).isEmpty();

        String alertId = seen.getFirst();
        String notYours = errorText(call("acknowledge_alert", educatorArguments(world, world.teacher())
                .put("alertId", alertId)));
        assertThat(notYours).as("the teacher's own copy has another id").isEqualTo(AcknowledgeAlertTool.NOT_YOURS);
        assertThat(errorText(call("acknowledge_alert", educatorArguments(world, world.assistant())
                .put("alertId", UUID.randomUUID().toString())))).as("no such alert: the same words")
                .isEqualTo(notYours);

        for (int twice = 0; twice < 2; twice++) {
            JsonNode acknowledged = call("acknowledge_alert", educatorArguments(world, world.assistant())
                    .put("alertId", alertId)).path("structuredContent");
            assertThat(acknowledged.path("status").asString()).isEqualTo("acknowledged");
        }
        assertThat(call("list_alerts", educatorArguments(world, world.assistant()).put("status", "acknowledged"))
                .path("structuredContent").path("alerts").findValuesAsString("alertId")).containsExactly(alertId);

        assertThat(errorText(call("list_alerts", educatorArguments(world, world.assistant())
                .put("cursor", "bm90IGEgY3Vyc29y")))).contains("cursor");
    }

    private static ObjectNode educatorArguments(TestWorld world, PersonId educator) {
        return Json.object().put("institutionId", world.tenant().value().toString())
                .put("educatorId", educator.value().toString());
    }

    private static JsonNode call(String tool, ObjectNode arguments) {
        ObjectNode params = Json.object().put("name", tool);
        params.set("arguments", arguments);
        JsonNode response = post("tools/call", tool, params);
        assertThat(response.has("result")).as(response.toString()).isTrue();
        return response.path("result");
    }

    private static String errorText(JsonNode result) {
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
        return result.path("content").get(0).path("text").asString();
    }

    private static JsonNode post(String method, String name, ObjectNode params) {
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
                .header("Authorization", "Bearer " + TOKEN)
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
