package org.margin.grid.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.JsonNode;

/**
 * Two runtime instances (Helidon servers with the MCP engine, each with its own grid client) behind one
 * imaginary load balancer that sends each HTTP request wherever it likes.
 */
class CrossInstanceSessionTest {

    private static LocalGrid members;
    private static McpInstance instanceA;
    private static McpInstance instanceB;

    @BeforeAll
    static void start() {
        members = TestGrids.members(2);
        instanceA = new McpInstance(members);
        instanceB = new McpInstance(members);
    }

    @AfterAll
    static void stop() {
        instanceA.close();
        instanceB.close();
        members.close();
    }

    @Test
    void aSessionInitialisedOnOneInstanceIsServedAndEndedOnTheOther() {
        String session = initialize(instanceA);

        HttpResponse<String> call = instanceB.post(session,
                McpInstance.request(2, "tools/call", "{\"name\":\"hello\",\"arguments\":{}}"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(call.body()).path("result").path("content").get(0).path("text").asString())
                .isEqualTo("hi");

        assertThat(instanceB.delete(session).statusCode()).isEqualTo(200);
        assertThat(instanceA.post(session, McpInstance.request(3, "tools/list", "{}")).statusCode()).isEqualTo(404);
    }

    @Test
    void anElicitationAskedOnOneInstanceIsAnsweredThroughTheOther() {
        String session = initialize(instanceA);
        Iterator<String> stream = instanceA.stream(session,
                McpInstance.request(7, "tools/call", "{\"name\":\"ask\",\"arguments\":{}}"));

        JsonNode question = nextMessage(stream);
        assertThat(question.path("method").asString()).isEqualTo("elicitation/create");
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":\"" + question.path("id").asString()
                + "\",\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}";
        assertThat(instanceB.post(session, answer).statusCode()).isEqualTo(202);

        JsonNode result = nextMessage(stream);
        assertThat(result.path("id").asInt()).isEqualTo(7);
        assertThat(result.path("result").path("content").get(0).path("text").asString()).isEqualTo("Hello Ada");
    }

    @Test
    void aStreamReleasedOnOneInstanceIsResumedWithLastEventIdOnTheOther() {
        String session = initialize(instanceA);
        HttpResponse<String> released = instanceA.post(session,
                McpInstance.request(9, "tools/call", "{\"name\":\"patient\",\"arguments\":{}}"));
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).contains("started").doesNotContain("finished");
        String lastEventId = lastEventId(released.body());

        HttpResponse<String> resumed = instanceB.resume(session, lastEventId);

        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(resumed.body()).contains("\"id\":9").contains("finished").doesNotContain("started");
    }

    @Test
    void anEventIdOfNoKnownStreamIsRefusedOnEveryInstance() {
        String session = initialize(instanceA);
        assertThat(instanceB.resume(session, "nosuchstream-2").statusCode()).isEqualTo(404);
    }

    @Test
    void aReplyNobodyWaitsForIsAcceptedAndIgnored() {
        String session = initialize(instanceA);
        String stray = "{\"jsonrpc\":\"2.0\",\"id\":\"nobody-asked\",\"result\":{}}";
        assertThat(instanceB.post(session, stray).statusCode()).isEqualTo(202);
    }

    static String initialize(McpInstance instance) {
        HttpResponse<String> response = instance.post(null, McpInstance.request(1, "initialize",
                "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{}},"
                        + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    static String lastEventId(String sseBody) {
        String last = null;
        for (String line : sseBody.split("\n")) {
            if (line.startsWith("id:")) {
                last = line.substring(3).trim();
            }
        }
        assertThat(last).as("the stream carried event ids").isNotNull();
        return last;
    }

    /** The next JSON-RPC message on an SSE stream, skipping the priming event. */
    static JsonNode nextMessage(Iterator<String> stream) {
        List<String> data = new ArrayList<>();
        while (stream.hasNext()) {
            String line = stream.next();
            if (line.startsWith("data:")) {
                data.add(line.substring(5).trim());
            } else if (line.isEmpty() && !data.isEmpty()) {
                String message = String.join("", data);
                data.clear();
                if (!message.isEmpty()) {
                    return Json.MAPPER.readTree(message);
                }
            }
        }
        throw new AssertionError("the stream ended without another message");
    }
}
