package org.margin.runtime.mcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.session.InMemorySessionStore;
import org.margin.runtime.mcp.tool.Tool;

import tools.jackson.databind.node.ObjectNode;

/**
 * 2025-11-25: {@code notifications/cancelled} stops the request it names on the instance serving it (interrupting
 * the handler, sending no response, recording the call as cancelled), and nothing else.
 */
class CancellationTest {

    private static final long PATIENCE_SECONDS = 10;
    private static final String VERSION = "2025-11-25";

    private final FailureKinds failures = new FailureKinds();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(instance());
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.close();
    }

    @Test
    void aCancelledCallIsInterruptedAndGetsNoResponse() throws Exception {
        String session = initialize(server);
        CompletableFuture<TestServer.Reply> call = server.sendLater(server.postRequest(call(7, "wait"), in(session)));
        assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();

        assertThat(cancel(server, session, "7").status()).isEqualTo(202);

        assertThat(interrupted.await(PATIENCE_SECONDS, SECONDS)).as("the handler saw the interruption").isTrue();
        TestServer.Reply reply = call.get(PATIENCE_SECONDS, SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/event-stream");
        assertThat(reply.body()).as("no JSON-RPC message at all, so no response to request 7").isEmpty();
        assertThat(failures.kinds()).containsExactly("cancelled");
        assertSessionWorks(server, session);
    }

    @Test
    void aCancelledStreamEndsWithoutAResponse() throws Exception {
        String session = initialize(server);
        ObjectNode params = Json.object().put("name", "progress_then_wait");
        params.putObject("_meta").put("progressToken", "p");
        Lines stream = new Lines(server.sendStreaming(
                server.postRequest(TestServer.request(7, "tools/call", params), in(session))), "notifications/progress");
        assertThat(stream.seen.await(PATIENCE_SECONDS, SECONDS)).isTrue();
        assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();

        assertThat(cancel(server, session, "7").status()).isEqualTo(202);

        assertThat(interrupted.await(PATIENCE_SECONDS, SECONDS)).isTrue();
        stream.ended.get(PATIENCE_SECONDS, SECONDS);
        assertThat(stream.lines).anyMatch(line -> line.contains("notifications/progress"))
                .noneMatch(line -> line.contains("\"id\":7"));
        assertThat(failures.kinds()).containsExactly("cancelled");
        assertSessionWorks(server, session);
    }

    @Test
    void aResumedStreamOfACancelledCallEnds() throws Exception {
        String session = initialize(server);
        Lines first = new Lines(server.sendStreaming(server.postRequest(call(7, "release_then_wait"), in(session))),
                "id: ");
        assertThat(first.seen.await(PATIENCE_SECONDS, SECONDS)).isTrue();
        assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();
        String primingId = first.lines.stream().filter(line -> line.startsWith("id: ")).findFirst().orElseThrow()
                .substring(4);
        CompletableFuture<TestServer.Reply> resumed = server.sendLater(HttpRequest.newBuilder(server.uri())
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", VERSION).header("Last-Event-ID", primingId).GET().build());

        assertThat(cancel(server, session, "7").status()).isEqualTo(202);

        assertThat(interrupted.await(PATIENCE_SECONDS, SECONDS)).isTrue();
        first.ended.get(PATIENCE_SECONDS, SECONDS);
        TestServer.Reply reply = resumed.get(PATIENCE_SECONDS, SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("\"id\":7");
        assertThat(first.lines).noneMatch(line -> line.contains("\"id\":7"));
        assertThat(failures.kinds()).containsExactly("cancelled");
        assertSessionWorks(server, session);
    }

    @Test
    void aCallWaitingForTheClientsAnswerIsCancelled() throws Exception {
        String session = initialize(server);
        Lines stream = new Lines(server.sendStreaming(server.postRequest(call(7, "ask"), in(session))),
                "elicitation/create");
        assertThat(stream.seen.await(PATIENCE_SECONDS, SECONDS)).isTrue();

        assertThat(cancel(server, session, "7").status()).isEqualTo(202);

        stream.ended.get(PATIENCE_SECONDS, SECONDS);
        assertThat(stream.lines).noneMatch(line -> line.contains("\"id\":7"));
        assertThat(failures.kinds()).containsExactly("cancelled");
        assertSessionWorks(server, session);
    }

    @Test
    void aClientThatTakesNoStreamGets204() throws Exception {
        String session = initialize(server);
        Map<String, String> headers = new HashMap<>(in(session));
        headers.put("Accept", "application/json");
        CompletableFuture<TestServer.Reply> call = server.sendLater(server.postRequest(call(7, "wait"), headers));
        assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();

        assertThat(cancel(server, session, "7").status()).isEqualTo(202);

        TestServer.Reply reply = call.get(PATIENCE_SECONDS, SECONDS);
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(interrupted.getCount()).isZero();
    }

    @Test
    void aCancelNamingNoRunningRequestOfTheSessionIsIgnored() throws Exception {
        String session = initialize(server);
        String otherSession = initialize(server);
        CompletableFuture<TestServer.Reply> call = server.sendLater(server.postRequest(call(7, "wait"), in(session)));
        assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();

        assertThat(cancel(server, session, "8").status()).isEqualTo(202);
        assertThat(cancel(server, session, "\"7\"").status()).as("the string \"7\" names another request than 7")
                .isEqualTo(202);
        assertThat(cancel(server, otherSession, "7").status()).isEqualTo(202);
        assertThat(server.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{}}",
                in(session)).status()).isEqualTo(202);

        released.countDown();
        TestServer.Reply reply = call.get(PATIENCE_SECONDS, SECONDS);
        assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("released");
        assertThat(interrupted.getCount()).isEqualTo(1);
        assertThat(failures.kinds()).isEmpty();
    }

    @Test
    void aCancelAfterTheResponseIsIgnored() {
        String session = initialize(server);
        TestServer.Reply answered = server.post(call(3, "hello"), in(session));
        assertThat(answered.result().path("content").get(0).path("text").asString()).isEqualTo("hi");

        assertThat(cancel(server, session, "3").status()).isEqualTo(202);

        assertThat(failures.kinds()).isEmpty();
        assertSessionWorks(server, session);
    }

    @Test
    void initializeIsNotCancellable() {
        String session = initialize(server);

        assertThat(cancel(server, session, "1").status()).as("initialize had id 1").isEqualTo(202);

        assertSessionWorks(server, session);
    }

    @Test
    void aCancelReachingAnotherInstanceIsIgnored() throws Exception {
        try (TestServer other = new TestServer(instance())) {
            String session = initialize(server);
            CompletableFuture<TestServer.Reply> call = server.sendLater(server.postRequest(call(7, "wait"), in(session)));
            assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();

            assertThat(cancel(other, session, "7").status()).isEqualTo(202);

            released.countDown();
            TestServer.Reply reply = call.get(PATIENCE_SECONDS, SECONDS);
            assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("released");
            assertThat(interrupted.getCount()).isEqualTo(1);
            assertThat(failures.kinds()).isEmpty();
            assertSessionWorks(other, session);
        }
    }

    /** One instance of the endpoint; instances made by one test share its session store. */
    private McpServer instance() {
        return McpServer.builder().serverInfo("cancellation", "1").sessionStore(sessions).observer(failures)
                .tool(Tool.builder("hello").description("Greets").handler(context -> ToolResult.text("hi")).build())
                .tool(Tool.builder("wait").description("Works until released")
                        .handler(context -> workUntilReleased()).build())
                .tool(Tool.builder("progress_then_wait").description("Reports progress, then works until released")
                        .handler(context -> {
                            context.progress(0.5, 1.0, "half");
                            return workUntilReleased();
                        }).build())
                .tool(Tool.builder("release_then_wait").description("Frees its connection, then works until released")
                        .handler(context -> {
                            context.releaseConnection();
                            return workUntilReleased();
                        }).build())
                .tool(Tool.builder("ask").description("Asks the user").handler(context -> context.inputResponse("name")
                        .<ToolOutcome>map(answer -> ToolResult.text("thanks"))
                        .orElseGet(() -> InputRequired.of("name", new InputRequest.Elicitation("Name?", Json.object()))))
                        .build())
                .build();
    }

    /** Blocks until the test releases it; a cancellation interrupts it instead. */
    private ToolOutcome workUntilReleased() throws InterruptedException {
        started.countDown();
        try {
            released.await();
        } catch (InterruptedException cancelled) {
            interrupted.countDown();
            throw cancelled;
        }
        return ToolResult.text("released");
    }

    private static String initialize(TestServer on) {
        ObjectNode params = Json.object().put("protocolVersion", VERSION);
        params.putObject("capabilities").putObject("elicitation");
        params.putObject("clientInfo").put("name", "test").put("version", "1");
        return on.post(TestServer.request(1, "initialize", params), Map.of()).sessionId();
    }

    private static Map<String, String> in(String session) {
        return Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", VERSION);
    }

    private static String call(int id, String tool) {
        return TestServer.request(id, "tools/call", Json.object().put("name", tool));
    }

    /** A cancellation of the request whose id is the JSON {@code requestId}. */
    private static TestServer.Reply cancel(TestServer on, String session, String requestId) {
        return on.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                + requestId + ",\"reason\":\"The user gave up\"}}", in(session));
    }

    private static void assertSessionWorks(TestServer on, String session) {
        TestServer.Reply reply = on.post(call(99, "hello"), in(session));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().path("content").get(0).path("text").asString()).isEqualTo("hi");
    }

    /** A response stream read on its own thread as it arrives, noting when a line containing {@code awaited} came. */
    private static final class Lines {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch seen = new CountDownLatch(1);
        final CompletableFuture<Void> ended;

        Lines(CompletableFuture<HttpResponse<Stream<String>>> response, String awaited) {
            ended = response.thenAcceptAsync(streamed -> streamed.body().forEach(line -> {
                lines.add(line);
                if (line.contains(awaited)) {
                    seen.countDown();
                }
            }), task -> Thread.ofVirtual().start(task));
        }
    }
}
