package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.margin.e2e.leak.CaptureSource;
import org.margin.e2e.leak.LeakScanner;
import org.margin.e2e.leak.OtlpReceiver;
import org.margin.e2e.leak.PlantedEssay;
import org.margin.e2e.leak.PlantedValue;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import org.margin.grid.support.FreePorts;

/**
 * Essays laden with planted personal data go through the whole pipeline (webhooks, analysis, profiles, similarity,
 * alerts, tool calls and bad requests), and then every log line, exported span, metric label, grid key and value,
 * emitted event and error message is searched for the planted values: none may appear. Events are caught by a tap
 * standing where the broker is (it records each event and passes it on); the grid is read by a client of the
 * launcher's member.
 */
class PipelineNoLeakTest {

    @Test
    void noPlantedValueLeavesThePipelineInClear() throws Exception {
        List<PlantedEssay> essays = PlantedEssay.samples();
        CopyOnWriteArrayList<String> events = new CopyOnWriteArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> grid = new ArrayList<>();
        int tapPort = FreePorts.base(1);
        try (OtlpReceiver spans = OtlpReceiver.start()) {
            LocalMargin margin = LocalMargin.start(Map.of(
                    HttpEventSink.K_SINK, "http://127.0.0.1:" + tapPort + "/",
                    "OTEL_EXPORTER_OTLP_ENDPOINT", spans.endpoint()));
            FunctionRuntime tap = tap(tapPort, margin.base, events);
            try {
                CourseId course = margin.course("moodle:63", "Geography 8");
                PersonId teacher = margin.educatorOf(course);
                margin.defineRule(teacher, course, "{\"kind\": \"metric_threshold\", \"metric\": \"wordCount\","
                        + " \"comparison\": \"below\", \"threshold\": 10000}");
                for (int i = 0; i < essays.size(); i++) {
                    assertThat(margin.webhooks.moodle("moodle-north", LocalMargin.MOODLE_SECRET, 63, 3000 + i,
                            7000 + i, "<p>" + essays.get(i).text() + "</p>").statusCode()).isEqualTo(202);
                }
                JsonNode alerts = margin.awaitAlerts(teacher, found -> found.size() == essays.size(),
                        LocalMargin.PATIENCE);
                assertThat(alerts).hasSize(essays.size());
                LocalMargin.Bearer educator = LocalMargin.Bearer.educator(margin.tenant, teacher);
                for (JsonNode alert : alerts) {
                    margin.awaitTool(LocalMargin.STUDENT_PROFILING, educator, "get_student_profile",
                            McpHttp.JSON.createObjectNode().put("studentId", alert.path("studentId").asString()),
                            profile -> profile.path("submissionCount").asInt() == 1, LocalMargin.PATIENCE);
                }
                for (PlantedEssay essay : essays) {
                    errors.add(margin.callRaw(LocalMargin.EDUCATOR_ALERTS, educator, "define_alert_rule",
                            McpHttp.JSON.createObjectNode().put("courseId", essay.text())).toString());
                    errors.add(margin.callRaw(LocalMargin.STUDENT_PROFILING, educator, "get_student_profile",
                            McpHttp.JSON.createObjectNode().put("studentId", essay.planted().getFirst().value()))
                            .toString());
                    errors.add(margin.callRaw(LocalMargin.ACADEMIC_INTEGRITY, educator, "check_similarity",
                            McpHttp.JSON.createObjectNode().put("courseId", essay.planted().get(1).value())
                                    .put("text", essay.text())).toString());
                    errors.add(margin.webhooks.moodle("moodle-north",
                            "not the secret".getBytes(StandardCharsets.UTF_8), 63, 1, 1, essay.text()).body());
                }
                for (int function = 0; function <= LocalMargin.DATA_GOVERNANCE; function++) {
                    metrics.addAll(margin.metrics(function).lines().toList());
                }
                grid.addAll(gridContents(margin.base + LocalMargin.GRID_MEMBER));
            } finally {
                tap.stop();
                margin.close();
            }
            String log = margin.process.output();
            List<CaptureSource> sources = List.of(
                    CaptureSource.of("log", () -> log.lines().toList()),
                    spans,
                    CaptureSource.of("metrics", () -> metrics),
                    CaptureSource.of("events", () -> events),
                    CaptureSource.of("grid keys and values", () -> grid),
                    CaptureSource.of("error responses", () -> errors));

            assertThat(events).anyMatch(event -> event.contains("org.margin.writing.analyzed.v1"))
                    .anyMatch(event -> event.contains("org.margin.alert.raised.v1"));
            assertThat(grid).isNotEmpty();
            assertThat(String.join("\n", spans.captures())).contains("POST /webhooks", "execute_tool list_alerts");
            assertThat(log).contains("lms-ingress serving on port");
            List<PlantedValue> planted = essays.stream().flatMap(essay -> essay.planted().stream()).toList();
            assertThat(LeakScanner.scan(planted, sources)).isEmpty();
        }
    }

    /** Stands where the broker is: records every event, attributes and data, and passes it on unchanged. */
    private static FunctionRuntime tap(int port, int broker, List<String> events) {
        EventSink onward = HttpEventSink.fromEnvironment(Map.of(HttpEventSink.K_SINK,
                "http://127.0.0.1:" + broker + "/"));
        return FunctionRuntime.builder().service("tap")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", Integer.toString(port))))
                .deliveryLedger(DeliveryLedger.none())
                .anyOtherCloudEvent(event -> {
                    events.add(describe(event));
                    onward.send(event);
                    return EventOutcome.accepted();
                })
                .build().start();
    }

    private static String describe(CloudEvent event) {
        StringBuilder text = new StringBuilder();
        for (String name : event.getAttributeNames()) {
            text.append(name).append('=').append(event.getAttribute(name)).append('\n');
        }
        for (String name : event.getExtensionNames()) {
            text.append(name).append('=').append(event.getExtension(name)).append('\n');
        }
        if (event.getData() != null) {
            text.append(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** Every key and value of every map in the launcher's grid member (on {@code port}), as text. */
    private static List<String> gridContents(int port) {
        var config = GridConfigs.client(GridProfile.LOCAL);
        config.setInstanceName("leak-reader");
        config.getNetworkConfig().setAddresses(List.of("127.0.0.1:" + port));
        // The functions' clients start without waiting for the grid; this reader reads at once, so it waits.
        config.getConnectionStrategyConfig().setAsyncStart(false);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            List<String> contents = new ArrayList<>();
            for (DistributedObject object : client.getDistributedObjects()) {
                if (object instanceof IMap<?, ?> map) {
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        contents.add(map.getName() + " " + text(entry.getKey()) + " " + text(entry.getValue()));
                    }
                }
            }
            return contents;
        } finally {
            client.shutdown();
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
    }
}
