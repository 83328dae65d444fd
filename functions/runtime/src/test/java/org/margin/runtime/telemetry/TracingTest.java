package org.margin.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.ToolCallingService;
import org.margin.runtime.cloudevents.EventOutcome;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class TracingTest {

    private static final String TYPE = "org.margin.submission.created.v1";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    private static final String PRODUCER_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PRODUCER_SPAN_ID = "b7ad6b7169203331";

    private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private static FunctionRuntime runtime;
    private static LoopbackHttp http;

    @BeforeAll
    static void start() {
        runtime = FunctionRuntime.builder()
                .service("tracing-under-test", "1.2.3")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0",
                        "K_SERVICE", "tracing-ksvc", "K_REVISION", "tracing-ksvc-00007",
                        "K_CONFIGURATION", "tracing-ksvc",
                        "MARGIN_REQUEST_STATE_SECRET", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==",
                        "MARGIN_JWKS_URI", "https://auth.example.org/jwks.json",
                        "MARGIN_TOKEN_ISSUER", "https://auth.example.org",
                        "MARGIN_RESOURCE_URI", "https://tracing.example.org/mcp")))
                .spanProcessor(SimpleSpanProcessor.create(spans))
                .declareTools("analyze")
                .mcp(mount -> new ToolCallingService(mount.observer()))
                .cloudEvent(TYPE, event -> EventOutcome.accepted())
                .build()
                .start();
        http = new LoopbackHttp(runtime.port());
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @BeforeEach
    void forgetSpans() {
        spans.reset();
    }

    @Test
    void aToolCallIsAChildOfTheRequestWhichContinuesTheCallersTrace() {
        HttpResponse<String> response = http.post("/mcp", Map.of("traceparent", traceparent(TRACE_ID, CALLER_SPAN_ID),
                "X-Tool", "analyze"), "{}");
        assertThat(response.statusCode()).isEqualTo(200);

        List<SpanData> finished = awaitSpans(2);
        SpanData server = only(finished, SpanKind.SERVER);
        SpanData tool = only(finished, SpanKind.INTERNAL);

        assertThat(server.getName()).isEqualTo("POST /mcp");
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        assertThat(server.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/mcp");
        assertThat(server.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);

        assertThat(tool.getName()).isEqualTo("execute_tool analyze");
        assertThat(tool.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(tool.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("analyze");
        assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aFailedToolCallIsAnErrorSpanWithItsKind() {
        http.post("/mcp", Map.of("X-Tool", "analyze", "X-Fail", "tool_error"), "{}");

        SpanData tool = only(awaitSpans(2), SpanKind.INTERNAL);

        assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(tool.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("tool_error");
    }

    @Test
    void spansCarryTheServiceAndKnativeRevision() {
        http.post("/mcp", Map.of("X-Tool", "analyze"), "{}");

        SpanData server = only(awaitSpans(2), SpanKind.SERVER);

        var resource = server.getResource().getAttributes();
        assertThat(resource.get(AttributeKey.stringKey("service.name"))).isEqualTo("tracing-under-test");
        assertThat(resource.get(AttributeKey.stringKey("service.version"))).isEqualTo("1.2.3");
        assertThat(resource.get(AttributeKey.stringKey("faas.name"))).isEqualTo("tracing-ksvc");
        assertThat(resource.get(AttributeKey.stringKey("faas.version"))).isEqualTo("tracing-ksvc-00007");
        assertThat(resource.get(AttributeKey.stringKey("knative.configuration"))).isEqualTo("tracing-ksvc");
    }

    @Test
    void aCloudEventIsProcessedInTheTraceItCarriesLinkedToTheRequest() {
        String event = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/tests\",\"type\":\"" + TYPE
                + "\",\"traceparent\":\"" + traceparent(PRODUCER_TRACE_ID, PRODUCER_SPAN_ID) + "\",\"data\":{}}";

        HttpResponse<String> response = http.post("/", Map.of("Content-Type", "application/cloudevents+json",
                "traceparent", traceparent(TRACE_ID, CALLER_SPAN_ID)), event);
        assertThat(response.statusCode()).isEqualTo(202);

        List<SpanData> finished = awaitSpans(2);
        SpanData server = only(finished, SpanKind.SERVER);
        SpanData consumer = only(finished, SpanKind.CONSUMER);

        assertThat(server.getName()).isEqualTo("POST /");
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        assertThat(consumer.getName()).isEqualTo("process " + TYPE);
        assertThat(consumer.getTraceId()).isEqualTo(PRODUCER_TRACE_ID);
        assertThat(consumer.getParentSpanId()).isEqualTo(PRODUCER_SPAN_ID);
        assertThat(consumer.getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(server.getSpanId()));
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("margin.event.result"))).isEqualTo("accepted");
    }

    @Test
    void aBinaryModeEventIsProcessedUnderTheRequestWhoseTraceparentItCarries() {
        HttpResponse<String> response = http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "e-2",
                "ce-source", "/tests", "ce-type", TYPE, "Content-Type", "application/json",
                "traceparent", traceparent(TRACE_ID, CALLER_SPAN_ID)), "{}");
        assertThat(response.statusCode()).isEqualTo(202);

        List<SpanData> finished = awaitSpans(2);
        SpanData server = only(finished, SpanKind.SERVER);
        SpanData consumer = only(finished, SpanKind.CONSUMER);

        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        assertThat(consumer.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(consumer.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(consumer.getLinks()).isEmpty();
    }

    @Test
    void withoutTraceparentARequestStartsANewTrace() {
        http.post("/mcp", Map.of("X-Tool", "analyze"), "{}");

        SpanData server = only(awaitSpans(2), SpanKind.SERVER);

        assertThat(server.getParentSpanId()).isEqualTo(SpanId.getInvalid());
        assertThat(server.getTraceId()).isNotEqualTo(TRACE_ID);
    }

    @Test
    void probesAndScrapesAreNotTraced() throws InterruptedException {
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
        http.post("/mcp", Map.of("X-Tool", "analyze"), "{}");

        assertThat(awaitSpans(2)).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("POST /mcp", "execute_tool analyze");
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static SpanData only(List<SpanData> finished, SpanKind kind) {
        return finished.stream().filter(span -> span.getKind() == kind).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind + " span: " + finished);
        }).orElseThrow(() -> new AssertionError("no " + kind + " span: " + finished));
    }

    /** The server span ends just after its response is sent, so the client may see the response first. */
    static List<SpanData> awaitSpans(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (spans.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return spans.getFinishedSpanItems();
    }
}
