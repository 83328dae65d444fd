package org.margin.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.ToolCallingService;
import org.margin.runtime.cloudevents.EventOutcome;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * A student's name, e-mail and essay go through every kind of request the runtime serves, valid and invalid, and
 * then must appear in no span, metric or log line.
 */
class NoPiiInTelemetryTest {

    private static final String NAME = "Zanzibar Quillfeather";
    private static final String EMAIL = "zanzibar.quillfeather@school.example";
    private static final String ESSAY = "My grandmother Oriel taught me to read in Tbilisi";
    private static final List<String> PII = List.of(NAME, EMAIL, ESSAY, "Quillfeather", "Oriel", "Tbilisi");

    private static final String TYPE = "org.margin.submission.created.v1";
    private static final String FAILING_TYPE = "org.margin.submission.failing.v1";
    private static final String REPLY_TYPE = "org.margin.submission.echo.v1";

    private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private static final List<String> logLines = new CopyOnWriteArrayList<>();
    private static final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static FunctionRuntime runtime;
    private static String metrics;

    @BeforeAll
    static void sendPiiEverywhere() {
        Logger.getLogger("").addHandler(capture);
        runtime = FunctionRuntime.builder()
                .service("pii-under-test")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0")))
                .spanProcessor(SimpleSpanProcessor.create(spans))
                .declareTools("analyze")
                .mcp(mount -> new ToolCallingService(mount.observer()))
                .cloudEvent(TYPE, event -> EventOutcome.rejected("Submissions of this kind are not analysed."))
                .cloudEvent(FAILING_TYPE, event -> {
                    throw new IllegalArgumentException("cannot analyse " + new String(event.getData().toBytes()));
                })
                .cloudEvent(REPLY_TYPE, event -> EventOutcome.reply(CloudEventBuilder.v1(event)
                        .withId("reply").withSource(URI.create("/reply")).build()))
                .build()
                .start();
        LoopbackHttp http = new LoopbackHttp(runtime.port());
        String body = "{\"name\":\"" + NAME + "\",\"email\":\"" + EMAIL + "\",\"essay\":\"" + ESSAY + "\"}";

        // MCP: arguments in the body, and tool names and error kinds a client made up from the student's data.
        http.post("/mcp", Map.of("X-Tool", "analyze"), body);
        http.post("/mcp", Map.of("X-Tool", EMAIL), body);
        http.post("/mcp", Map.of("X-Tool", NAME.replace(' ', '_')), body);
        http.post("/mcp", Map.of("X-Tool", "analyze", "X-Fail", NAME.replace(' ', '_')), body);
        http.post("/mcp", Map.of("X-Tool", "analyze", "X-Fail", ESSAY), body);
        // CloudEvents: valid in both modes, with a failing handler and a reply, then invalid in many ways.
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "p-1", "ce-source", "/tests", "ce-type", TYPE,
                "Content-Type", "application/json"), body);
        http.post("/", Map.of("Content-Type", "application/cloudevents+json"), "{\"specversion\":\"1.0\","
                + "\"id\":\"p-2\",\"source\":\"/tests\",\"type\":\"" + TYPE + "\",\"data\":" + body + "}");
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "p-3", "ce-source", "/tests",
                "ce-type", FAILING_TYPE, "Content-Type", "application/json"), body);
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "p-4", "ce-source", "/tests",
                "ce-type", REPLY_TYPE, "Content-Type", "application/json"), body);
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "p-5", "ce-source", "/tests",
                "ce-type", EMAIL, "Content-Type", "application/json"), body);
        http.post("/", Map.of("ce-specversion", "1.0", "ce-id", "p-6", "ce-source", "/tests", "ce-type", TYPE,
                "ce-time", NAME.replace(' ', '-'), "Content-Type", "application/json"), body);
        http.post("/", Map.of("Content-Type", "application/cloudevents+json"), "{\"specversion\":\"1.0\","
                + "\"id\":\"p-7\",\"source\":\"" + ESSAY + "\",\"type\":\"" + TYPE + "\",\"time\":\"" + NAME
                + "\",\"data\":" + body + "}");
        http.post("/", Map.of("Content-Type", "application/cloudevents+json"), "{\"specversion\":\"1.0\", " + body);
        http.post("/", Map.of("Content-Type", "application/json"), body);
        // Paths, queries and headers chosen by the client.
        http.get("/students/" + EMAIL + "?essay=" + ESSAY.replace(' ', '+'));
        http.post("/mcp/" + NAME.replace(' ', '-'), Map.of("X-Tool", "analyze"), body);
        metrics = http.get("/metrics").body();
    }

    @AfterAll
    static void stop() {
        runtime.stop();
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theRequestsReallyWentThrough() {
        assertThat(spans.getFinishedSpanItems()).hasSizeGreaterThan(15);
        assertThat(metrics).contains("margin_tool_calls_total");
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("IllegalArgumentException"));
    }

    @Test
    void noSpanCarriesIt() {
        List<String> texts = new ArrayList<>();
        for (SpanData span : spans.getFinishedSpanItems()) {
            texts.add(span.getName());
            texts.add(span.getAttributes().toString());
            texts.add(span.getStatus().toString());
            texts.add(span.getEvents().toString());
            texts.add(span.getLinks().toString());
            texts.add(span.getResource().getAttributes().toString());
        }
        assertNoPii(texts);
    }

    @Test
    void noMetricCarriesIt() {
        assertNoPii(List.of(metrics));
    }

    @Test
    void noLogLineCarriesIt() {
        assertNoPii(logLines);
    }

    private static void assertNoPii(List<String> texts) {
        for (String text : texts) {
            for (String pii : PII) {
                assertThat(text).doesNotContainIgnoringCase(pii);
                assertThat(text).doesNotContainIgnoringCase(pii.replace(' ', '_'));
                assertThat(text).doesNotContainIgnoringCase(pii.replace(' ', '-'));
            }
        }
    }
}
