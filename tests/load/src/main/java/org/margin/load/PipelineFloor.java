package org.margin.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.margin.runtime.cloudevents.sink.EventPoster;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;

/**
 * The ceiling that the event pipeline's HTTP hops alone put on it, on this machine: one process, as in local mode,
 * posting binary-mode CloudEvents with the runtime's own {@link EventPoster} to a Helidon server that reads each body
 * and answers 202, from {@code CONCURRENCY} virtual threads for {@code SECONDS}. No parsing, storing or forwarding:
 * whatever the functions do comes on top. A submission takes {@code HOPS} such exchanges (the webhook; the broker's
 * deliveries of submission.created to writing-analysis and academic-integrity, of writing.analyzed to
 * student-profiling and educator-alerts, of integrity.checked to educator-alerts; the three posts of those events to
 * the broker: 9), so the pipeline cannot take more submissions per second than exchanges per second over HOPS.
 */
public final class PipelineFloor {

    private PipelineFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PipelineFloor SECONDS CONCURRENCY [HOPS]   (HOPS: exchanges per submission, 9)");
            System.exit(2);
        }
        int seconds = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        int hops = args.length > 2 ? Integer.parseInt(args[2]) : 9;

        WebServer server = WebServer.builder().port(0)
                .routing(routing -> routing.post("/", (request, response) -> {
                    request.content().consume();
                    response.status(Status.ACCEPTED_202).send();
                }))
                .build().start();
        URI target = URI.create("http://127.0.0.1:" + server.port() + "/");
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/margin/floor"))
                .withType("org.margin.submission.created.v1")
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(("{\"submissionId\":\"" + UUID.randomUUID() + "\",\"courseId\":\"" + UUID.randomUUID()
                        + "\",\"text\":\"" + "word ".repeat(160) + "\"}").getBytes(StandardCharsets.UTF_8))
                .build();
        EventPoster poster = new EventPoster(Duration.ofSeconds(5));

        FloorRun run = FloorRun.measure(concurrency, Duration.ofSeconds(Math.max(3, seconds / 3)),
                Duration.ofSeconds(seconds), () -> poster.post(target, event) instanceof EventPoster.Posted.Delivered);
        server.stop();

        System.out.printf("exchanges=%d failed=%d seconds=%.1f concurrency=%d cores=%d%n", run.succeeded(),
                run.failed(), run.seconds(), concurrency, Runtime.getRuntime().availableProcessors());
        System.out.printf("machine_cpu_per_exchange_us=%.0f (busy %.1f of %.1f core-s)%n",
                run.cpuMicrosEach(), run.busyCoreSeconds(), run.coreSeconds());
        System.out.printf("exchanges_per_s=%.0f hops=%d ceiling_submissions_per_s=%.0f%n", run.perSecond(), hops,
                run.perSecond() / hops);
    }
}
