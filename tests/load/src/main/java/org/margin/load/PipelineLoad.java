package org.margin.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalConnection;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event pipeline under load, against a running launcher (local mode): signed Moodle webhooks into lms-ingress,
 * and, through MCP only, the alerts they raise for the course's educator (a rule that every submission meets).
 *
 * <ul>
 *   <li>{@code latency RATE SECONDS}: webhooks at a fixed rate; each alert's first sighting in {@code list_alerts}
 *   (polled every 50 ms, see {@link NewAlerts}) is matched by rank to the webhooks' send times, since an alert
 *   names the submission only by a pseudonym the sender cannot know. Prints median and p99 from webhook sent to
 *   alert visible.</li>
 *   <li>{@code ingest COUNT CONCURRENCY}: webhooks as fast as the ingress takes them; prints the rate, then waits
 *   until the educator sees one alert per accepted webhook (the end of the chain ingress → writing-analysis →
 *   educator-alerts) and counts the dead letters, so a lost event shows as a shortfall.</li>
 * </ul>
 *
 * Arguments: {@code BASE_PORT LOCAL_DIR INSTITUTION SECRET_BASE64 MODE A B}. By default every webhook comes from a
 * student the pipeline has not seen (a new pseudonym and enrolment each); {@code PIPELINE_STUDENTS=N} has them
 * come from N students in turn, as a course's submissions do once its students are known.
 */
public final class PipelineLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The launcher's development token issuer, after the functions' ports. */
    private static final int DEV_TOKENS = 19;
    /** Kept-alive connections to the ingress: more than the webhooks in flight at 200/s with answers of 0.4 s. */
    private static final int WEBHOOK_CONNECTIONS = 128;
    /** The longest latency run whose webhooks are signed before it starts. */
    private static final int PRESIGNED_SECONDS = 120;
    /** Kept-alive connections to each function's MCP endpoint: the polls and a catch-up at once. */
    private static final int MCP_CONNECTIONS = 4;

    private final int base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /**
     * MCP calls go out as written over kept-alive connections too: the JDK's HTTP client, run by the driver's C1
     * code, took some 3 ms of a core per poll, half of what the driver cost the machine it shares with the launcher.
     */
    private final Map<Integer, PlainHttpSender> mcp = new ConcurrentHashMap<>();
    private final TenantId tenant;
    /** From how many students, in turn: each one's first submission also makes the pseudonym. */
    private final MoodleWebhooks webhooks;
    private final int students;
    /** The webhooks go out through the sender that costs the least of the machine the launcher runs on. */
    private final InetSocketAddress ingressAddress;
    private final PlainHttpSender ingress;

    private PipelineLoad(int base, TenantId tenant, byte[] secret, int students) {
        this.base = base;
        this.tenant = tenant;
        this.students = students;
        this.webhooks = new MoodleWebhooks(secret, 5_000 + (System.nanoTime() & 0xFFFF), students);
        this.ingressAddress = new InetSocketAddress("127.0.0.1", base + 5);
        this.ingress = new PlainHttpSender(ingressAddress, WEBHOOK_CONNECTIONS);
    }

    public static void main(String[] args) throws Exception {
        int base = Integer.parseInt(args[0]);
        Path directory = Path.of(args[1]);
        TenantId tenant = new TenantId(UUID.fromString(args[2]));
        int students = Integer.parseInt(System.getenv().getOrDefault("PIPELINE_STUDENTS", "0"));
        PipelineLoad load = new PipelineLoad(base, tenant, Base64.getDecoder().decode(args[3]),
                students > 0 ? students : Integer.MAX_VALUE);
        try (Store store = Store.builder()
                .environment(LocalConnection.environment(directory.resolve("postgres"), base + 20))
                .callTimeout(Duration.ofSeconds(30)).build();
             load) {
            PersonId educator = load.seed(store);
            switch (args[4]) {
                case "latency" -> load.latency(educator, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
                case "ingest" -> load.ingest(store, educator, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
                default -> throw new IllegalArgumentException("mode is latency or ingest");
            }
        }
    }

    @Override
    public void close() {
        ingress.close();
        mcp.values().forEach(PlainHttpSender::close);
    }

    /** The institution, a course with its educator, and a rule every submission meets. */
    private PersonId seed(Store store) throws InterruptedException {
        LoadInstitution.register(store, tenant, "Load district");
        CourseId courseId = store.courses().ensure(tenant, webhooks.courseCode(), "Load course");
        Opaque marker = Opaque.of(("load-educator:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        PersonId educator = store.people().register(tenant, new PersonIdentity(marker, Optional.empty(),
                Optional.empty(), Optional.empty(), marker, Optional.empty()));
        store.enrollments().enroll(tenant, courseId, educator, EnrollmentRole.TEACHER, LocalDate.now().minusDays(30),
                Optional.empty());
        ObjectNode arguments = JSON.createObjectNode().put("courseId", courseId.value().toString());
        arguments.set("rule", JSON.readTree(
                "{\"kind\":\"metric_threshold\",\"metric\":\"wordCount\",\"comparison\":\"below\",\"threshold\":100000}"));
        JsonNode defined = call(base + 3, "define_alert_rule", arguments, educatorToken(educator));
        if (defined.path("result").path("isError").asBoolean() || defined.has("error")) {
            throw new IllegalStateException("the rule was not defined: " + defined);
        }
        return educator;
    }

    private void latency(PersonId educator, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        // Written and signed before the clock starts, when the run is well inside the ingress's replay window of five
        // minutes: the driver shares the launcher's two cores, and formatting and signing were a fifth of its work.
        byte[][] requests = new byte[total][];
        if (seconds <= PRESIGNED_SECONDS) {
            for (int i = 0; i < total; i++) {
                requests[i] = request(i);
            }
        }
        long[] sent = new long[total];
        double[] answered = new double[total];
        NewAlerts alerts = new NewAlerts(educatorToken(educator));
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        Thread poller = Thread.ofPlatform().daemon().start(() -> alerts.watch(total));
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                // Parked, not spun, until the send is due: a spinning sender would hold one of the machine's two
                // cores for the whole run, and the pipeline measured would have the other.
                long due = start + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                senders.submit(() -> {
                    sent[index] = System.nanoTime();
                    int status = send(requests[index] != null ? requests[index] : request(index));
                    long now = System.nanoTime();
                    if (status != 202) {
                        refused.merge(status, 1, Integer::sum);
                    }
                    answered[index] = (now - sent[index]) / 1e6;
                });
            }
        }
        poller.join(Duration.ofSeconds(120));
        long[] sightings = alerts.sightings();
        long[] sends = Arrays.stream(sent).sorted().toArray();
        int matched = Math.min(sightings.length, sends.length);
        double[] latencies = new double[matched];
        for (int i = 0; i < matched; i++) {
            latencies[i] = (sightings[i] - sends[i]) / 1e6;
        }
        // The course is new to the run, so each student's first submission is also the educator's first sight of
        // that student, which costs the listing an enrolment check and the student's first disclosure.
        double[] known = students < matched ? Arrays.copyOfRange(latencies, students, matched) : new double[0];
        Arrays.sort(latencies);
        Arrays.sort(known);
        System.out.printf("latency: %d webhooks at %d/s, %d refused %s, %d alerts seen; webhook to alert visible "
                        + "median %.1f ms, p99 %.1f ms, max %.1f ms%n", total, rate,
                refused.values().stream().mapToInt(Integer::intValue).sum(), refused, matched,
                ClosedLoop.percentile(latencies, 0.50), ClosedLoop.percentile(latencies, 0.99),
                latencies[matched - 1]);
        if (known.length > 0) {
            System.out.printf("  from each student's second submission on (%d webhooks): median %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms%n", known.length, ClosedLoop.percentile(known, 0.50),
                    ClosedLoop.percentile(known, 0.99), known[known.length - 1]);
        }
        Arrays.sort(answered);
        double[] polls = alerts.pollTimes();
        System.out.printf("  of which: webhook answered median %.1f ms, p99 %.1f ms, max %.1f ms; a list_alerts poll "
                        + "(which records its disclosures durably) median %.1f ms, p99 %.1f ms%n",
                ClosedLoop.percentile(answered, 0.50), ClosedLoop.percentile(answered, 0.99),
                answered[answered.length - 1],
                ClosedLoop.percentile(polls, 0.50), ClosedLoop.percentile(polls, 0.99));
        double[] gaps = alerts.pollGaps();
        System.out.printf("  polls began every median %.1f ms, p99 %.1f ms, max %.1f ms; alerts listed again: %d%n",
                ClosedLoop.percentile(gaps, 0.50), ClosedLoop.percentile(gaps, 0.99), gaps[gaps.length - 1],
                alerts.repeats());
    }

    private void ingest(Store store, PersonId educator, int count, int concurrency) throws Exception {
        long start = System.nanoTime();
        ClosedLoop sent = ClosedLoop.run(count, concurrency, this::webhook);
        System.out.printf("ingest: %d webhooks in %.1f s = %.0f/s accepted (%d accepted, %d other)%n", count,
                sent.seconds(), sent.perSecond(), sent.accepted(), sent.other());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        NewAlerts seen = new NewAlerts(educatorToken(educator));
        long alerts;
        do {
            sleep(1_000);
            seen.poll();
            alerts = seen.count();
            System.out.printf("  after %.0f s: %d alerts%n", (System.nanoTime() - start) / 1e9, alerts);
        } while (alerts < sent.accepted() && System.nanoTime() < deadline);
        double drained = (System.nanoTime() - start) / 1e9;
        long deadLetters = count(base + 6, "list_dead_letters", token(base + 6, "service", Optional.empty(),
                "deadletters:admin"), "deadLetters");
        System.out.printf("ingest: %d alerts for %d accepted webhooks after %.1f s = %.0f/s end to end; "
                + "%d dead letters%n", alerts, sent.accepted(), drained, alerts / drained, deadLetters);
    }

    /**
     * The educator's alerts as they appear, read through MCP: each poll asks {@code list_alerts} for the alerts
     * raised since the previous poll's listing (its {@code nextSyncToken}), which lists each alert once, at the first
     * poll that can see it, whatever order the alerts' transactions committed in. Every alert listed is a disclosure
     * that educator-alerts records durably, so listing each once also keeps the driver's cost to the launcher to one
     * disclosure per alert. The first poll lists everything the educator has (nothing: the educator is new).
     */
    private final class NewAlerts {

        /** The most a page of list_alerts holds. */
        private static final int PAGE = 100;
        /**
         * How often a poll begins: a sighting is at most this late. Polling as often as each poll ended made some
         * 50 polls a second, which cost the launcher and PostgreSQL about a third of a core with no alert raised.
         */
        private static final Duration POLL_EVERY = Duration.ofMillis(50);

        private final String token;
        private final Set<String> known = ConcurrentHashMap.newKeySet();
        private final ConcurrentLinkedQueue<Long> sightings = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Double> pollTimes = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Double> pollGaps = new ConcurrentLinkedQueue<>();
        private String syncToken;
        private long previous = System.nanoTime();
        private long repeats;

        private NewAlerts(String token) {
            this.token = token;
        }

        /** Polls every {@link #POLL_EVERY} until {@code total} alerts are seen. */
        void watch(int total) {
            while (known.size() < total) {
                long next = System.nanoTime() + POLL_EVERY.toNanos();
                poll();
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }

        /** Reads the alerts raised since the previous poll's listing, page by page. */
        void poll() {
            long began = System.nanoTime();
            pollGaps.add((began - previous) / 1e6);
            previous = began;
            String cursor = null;
            String next;
            do {
                ObjectNode page = JSON.createObjectNode().put("limit", PAGE);
                if (syncToken != null) {
                    page.put("syncToken", syncToken);
                }
                if (cursor != null) {
                    page.put("cursor", cursor);
                }
                long asked = System.nanoTime();
                JsonNode result = call(base + 3, "list_alerts", page, token).path("result").path("structuredContent");
                long now = System.nanoTime();
                pollTimes.add((now - asked) / 1e6);
                for (JsonNode alert : result.path("alerts")) {
                    if (known.add(alert.path("alertId").asString())) {
                        sightings.add(now);
                    } else {
                        repeats++;
                    }
                }
                cursor = result.path("nextCursor").isString() ? result.path("nextCursor").asString() : null;
                next = result.path("nextSyncToken").asString();
            } while (cursor != null);
            syncToken = next;
        }

        long count() {
            return known.size();
        }

        /** Alerts a poll listed that an earlier one had: none, if each listing returns only what is new. */
        long repeats() {
            return repeats;
        }

        double[] pollTimes() {
            return pollTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }

        /** How long after the previous poll each poll began: how stale a sighting can be. */
        double[] pollGaps() {
            return pollGaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }

        long[] sightings() {
            return sightings.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** The entries a listing tool returns, counted through MCP page by page. */
    private long count(int port, String tool, String token, String field) {
        long entries = 0;
        String cursor = null;
        do {
            ObjectNode page = JSON.createObjectNode().put("limit", 100);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonNode result = call(port, tool, page, token).path("result").path("structuredContent");
            entries += result.path(field).size();
            cursor = result.path("nextCursor").isString() ? result.path("nextCursor").asString() : null;
        } while (cursor != null);
        return entries;
    }

    private int webhook(int index) {
        return send(request(index));
    }

    /** The {@code index}th webhook, signed now. */
    private byte[] request(int index) {
        byte[] body = webhooks.body(index);
        return PlainHttpSender.post(ingressAddress, "/webhooks/" + MoodleWebhooks.SOURCE, body,
                "Content-Type: application/json", "X-Margin-Signature: " + webhooks.signature(body));
    }

    /** Sends a webhook, again while the ingress answers 503 (not ready, or shedding load); returns the status. */
    private int send(byte[] request) {
        int status = ingress.send(request);
        while (status == 503) {
            sleep(500);
            status = ingress.send(request);
        }
        return status;
    }

    /** The course's educator's token for educator-alerts: the tenant and the acting person are the token's. */
    private String educatorToken(PersonId educator) {
        return token(base + 3, "educator", Optional.of(educator), "alerts:read alerts:write");
    }

    /**
     * A token for the function on {@code port} from the launcher's development issuer (started by pipeline.sh with
     * MARGIN_DEV_TOKENS=enabled).
     */
    private String token(int port, String role, Optional<PersonId> person, String scopes) {
        return tokens.computeIfAbsent(port + " " + role + " " + person + " " + scopes, unused -> {
            ObjectNode request = JSON.createObjectNode().put("role", role)
                    .put("tenant", tenant.value().toString())
                    .put("audience", "http://127.0.0.1:" + port + "/mcp")
                    .put("scopes", scopes);
            person.ifPresent(id -> request.put("person", id.value().toString()));
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + (base + DEV_TOKENS) + "/dev-auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the development token issuer answered " + response.statusCode());
                }
                return JSON.readTree(response.body()).path("access_token").asString();
            } catch (IOException e) {
                throw new IllegalStateException("no development token issuer at port " + (base + DEV_TOKENS), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private JsonNode call(int port, String tool, ObjectNode arguments, String token) {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", "tools/call");
        ObjectNode params = body.putObject("params");
        params.put("name", tool);
        params.set("arguments", arguments);
        params.putObject("_meta").put("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                .putObject("io.modelcontextprotocol/clientCapabilities");
        PlainHttpSender sender = mcp.computeIfAbsent(port,
                any -> new PlainHttpSender(new InetSocketAddress("127.0.0.1", port), MCP_CONNECTIONS));
        byte[] request = PlainHttpSender.post(sender.server(), "/mcp", JSON.writeValueAsBytes(body),
                "Content-Type: application/json", "Accept: application/json, text/event-stream",
                "MCP-Protocol-Version: 2026-07-28", "Mcp-Method: tools/call", "Mcp-Name: " + tool,
                "Authorization: Bearer " + token);
        try {
            PlainHttpSender.Answer answer = sender.call(request);
            if (answer.status() != 200) {
                throw new IllegalStateException("MCP call answered " + answer.status() + ": "
                        + new String(answer.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("MCP call failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
