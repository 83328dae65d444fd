package org.margin.runtime.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.LoopbackHttp;
import org.margin.runtime.RuntimeSettings;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

class CloudEventEndpointTest {

    private static final String SUBMITTED = "org.margin.submission.created.v1";
    private static final String REPLYING = "org.margin.test.echo.v1";
    private static final String REJECTING = "org.margin.test.reject.v1";
    private static final String UNAVAILABLE = "org.margin.test.unavailable.v1";
    private static final String OVERLOADED = "org.margin.test.overloaded.v1";
    private static final String BROKEN = "org.margin.test.broken.v1";

    private static final CopyOnWriteArrayList<CloudEvent> received = new CopyOnWriteArrayList<>();
    private static FunctionRuntime runtime;
    private static LoopbackHttp http;

    @BeforeAll
    static void start() {
        runtime = FunctionRuntime.builder()
                .service("events-under-test")
                .settings(RuntimeSettings.fromEnvironment(Map.of("PORT", "0", "MARGIN_MAX_EVENT_BYTES", "2048")))
                .cloudEvent(SUBMITTED, event -> {
                    received.add(event);
                    return EventOutcome.accepted();
                })
                .cloudEvent(REPLYING, event -> EventOutcome.reply(CloudEventBuilder.v1()
                        .withId("reply-" + event.getId())
                        .withSource(URI.create("/margin/test"))
                        .withType("org.margin.test.echoed.v1")
                        .withDataContentType("application/json")
                        .withData(event.getData().toBytes())
                        .build()))
                .cloudEvent(REJECTING, event -> EventOutcome.rejected("Submissions of this kind are not analysed."))
                .cloudEvent(UNAVAILABLE, event -> EventOutcome.retryLater("The store is unreachable.",
                        Duration.ofMillis(2500)))
                .cloudEvent(OVERLOADED, event -> EventOutcome.overloaded("Too many submissions at once.",
                        Duration.ofSeconds(7)))
                .cloudEvent(BROKEN, event -> {
                    throw new IllegalStateException("secret detail that must not leak");
                })
                .build()
                .start();
        http = new LoopbackHttp(runtime.port());
    }

    @AfterAll
    static void stop() {
        runtime.stop();
    }

    @Test
    void acceptsAnEventInBinaryMode() {
        HttpResponse<String> response = http.post("/", binaryHeaders(SUBMITTED, "binary-1"), "{\"words\":3}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(received).anySatisfy(event -> {
            assertThat(event.getId()).isEqualTo("binary-1");
            assertThat(event.getSource()).isEqualTo(URI.create("/margin/tests"));
            assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"words\":3}");
        });
    }

    @Test
    void acceptsAnEventInStructuredMode() {
        HttpResponse<String> response = http.post("/", Map.of("Content-Type", "application/cloudevents+json"),
                structured(SUBMITTED, "structured-1"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(received).anySatisfy(event -> {
            assertThat(event.getId()).isEqualTo("structured-1");
            assertThat(event.getType()).isEqualTo(SUBMITTED);
        });
    }

    @Test
    void repliesWithAnEventInBinaryMode() {
        HttpResponse<String> response = http.post("/", binaryHeaders(REPLYING, "echo-1"), "{\"n\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ce-id")).hasValue("reply-echo-1");
        assertThat(response.headers().firstValue("ce-type")).hasValue("org.margin.test.echoed.v1");
        assertThat(response.headers().firstValue("ce-specversion")).hasValue("1.0");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"n\":1}");
    }

    @Test
    void aRejectedEventIsAnUnretryableClientErrorWithTheReason() {
        HttpResponse<String> response = http.post("/", binaryHeaders(REJECTING, "r-1"), "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertProblem(response, "urn:margin:problem:event-rejected", "Submissions of this kind are not analysed.");
    }

    @Test
    void aRetryableFailureSays503AndWhenToRetry() {
        HttpResponse<String> response = http.post("/", binaryHeaders(UNAVAILABLE, "u-1"), "{}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).hasValue("3");
        assertProblem(response, "urn:margin:problem:retry-later", "The store is unreachable.");
    }

    @Test
    void overloadSays429AndWhenToRetry() {
        HttpResponse<String> response = http.post("/", binaryHeaders(OVERLOADED, "o-1"), "{}");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertProblem(response, "urn:margin:problem:overloaded", "Too many submissions at once.");
    }

    @Test
    void aFailingHandlerIs500WithoutItsMessage() {
        HttpResponse<String> response = http.post("/", binaryHeaders(BROKEN, "b-1"), "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertProblem(response, "urn:margin:problem:handler-failed", "delivering it again may succeed");
        assertThat(response.body()).doesNotContain("secret detail").doesNotContain("IllegalStateException");
    }

    @Test
    void anUnknownTypeIsAnUnretryableClientErrorNamingTheHandledTypes() {
        HttpResponse<String> response = http.post("/", binaryHeaders("org.margin.other.v1", "x-1"), "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertProblem(response, "urn:margin:problem:unsupported-event-type", SUBMITTED);
        assertThat(response.body()).doesNotContain("org.margin.other.v1");
    }

    @Test
    void aPlainJsonPostIsNotACloudEvent() {
        HttpResponse<String> response = http.post("/", Map.of("Content-Type", "application/json"), "{\"a\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:margin:problem:invalid-cloudevent", "not a CloudEvent");
    }

    @Test
    void binaryModeWithoutRequiredAttributesNamesThem() {
        HttpResponse<String> response = http.post("/",
                Map.of("ce-specversion", "1.0", "ce-type", SUBMITTED, "Content-Type", "application/json"), "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:margin:problem:invalid-cloudevent", "'id', 'source' are missing");
    }

    @Test
    void anUnsupportedSpecVersionIsSaid() {
        Map<String, String> headers = new java.util.HashMap<>(binaryHeaders(SUBMITTED, "v-1"));
        headers.put("ce-specversion", "9.9");

        HttpResponse<String> response = http.post("/", headers, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:margin:problem:invalid-cloudevent", "Unsupported specversion");
    }

    @Test
    void anInvalidAttributeValueIsNamedButNotQuoted() {
        Map<String, String> headers = new java.util.HashMap<>(binaryHeaders(SUBMITTED, "t-1"));
        headers.put("ce-time", "yesterday-at-noon");

        HttpResponse<String> response = http.post("/", headers, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:margin:problem:invalid-cloudevent", "'time' has an invalid value");
        assertThat(response.body()).doesNotContain("yesterday-at-noon");
    }

    @Test
    void malformedStructuredJsonIsSaid() {
        HttpResponse<String> response = http.post("/", Map.of("Content-Type", "application/cloudevents+json"),
                "{\"specversion\": \"1.0\", \"id\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:margin:problem:invalid-cloudevent", "not valid JSON");
    }

    @Test
    void structuredModeWithoutRequiredAttributesNamesThem() {
        HttpResponse<String> response = http.post("/", Map.of("Content-Type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"source\":\"/x\",\"data\":{\"text\":\"An essay\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "urn:margin:problem:invalid-cloudevent", "'id', 'type' are missing");
        assertThat(response.body()).doesNotContain("An essay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/cloudevents-batch+json", "application/cloudevents+xml"})
    void unsupportedStructuredFormatsAreSaid(String contentType) {
        HttpResponse<String> response = http.post("/", Map.of("Content-Type", contentType), "[]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemDetail(response)).contains("application/cloudevents+json");
    }

    @Test
    void anOversizedEventIs413() {
        HttpResponse<String> response = http.post("/", binaryHeaders(SUBMITTED, "big-1"), "x".repeat(4096));

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "urn:margin:problem:event-too-large", "at most 2048 bytes");
    }

    @Test
    void getOnTheEventEndpointIs405WithAllow() {
        HttpResponse<String> response = http.get("/");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("POST, OPTIONS");
        assertProblem(response, "urn:margin:problem:method-not-allowed", "POST");
    }

    @Test
    void optionsAdvertisesPost() {
        HttpResponse<String> response = http.method("OPTIONS", "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("allow")).hasValue("POST, OPTIONS");
    }

    @Test
    void anUnknownPathIsAProblemListingTheEndpoints() {
        HttpResponse<String> response = http.get("/students/42");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "urn:margin:problem:not-found", "POST / (CloudEvents)");
        assertThat(response.body()).doesNotContain("students");
    }

    static Map<String, String> binaryHeaders(String type, String id) {
        return Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/margin/tests", "ce-type", type,
                "Content-Type", "application/json");
    }

    static String structured(String type, String id) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/margin/tests\",\"type\":\"" + type
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"words\":3}}";
    }

    static void assertProblem(HttpResponse<String> response, String type, String detailFragment) {
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + type + "\"")
                .contains("\"status\":" + response.statusCode());
        assertThat(problemDetail(response)).contains(detailFragment);
    }

    static String problemDetail(HttpResponse<String> response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("detail").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
