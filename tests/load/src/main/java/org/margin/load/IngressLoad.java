package org.margin.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.margin.store.Store;
import org.margin.store.local.LocalConnection;
import org.margin.store.tenant.TenantId;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;

/**
 * The LMS ingress alone, as Knative runs it: its own process, with the database and the grid it is configured
 * with, announcing each submission to {@code K_SINK}, which on Knative is the Broker that holds events for the
 * functions behind it. Here the sink is this driver: an HTTP server that answers 202 and counts the events by id,
 * so that every accepted webhook is matched by exactly one event (a loss shows as missing, a repeat as a duplicate).
 *
 * <p>Arguments: {@code INGRESS_PORT SINK_PORT LOCAL_DIR DB_PORT INSTITUTION SECRET_BASE64 WARMUP COUNT CONCURRENCY
 * INGRESS_PID}. After {@code WARMUP} webhooks (not measured) it sends {@code COUNT} from {@code CONCURRENCY}
 * senders as fast as the ingress answers (signed beforehand and sent as written, over kept-alive connections: see
 * {@link PlainHttpSender}), then waits for their events, and prints the rate, the answer times, the
 * events counted and the CPU per webhook: the whole machine's, the ingress process's, this driver's, and the rest
 * (the database and the grid member the ingress uses). {@code INGEST_STUDENTS=N} (default 200) has the webhooks come
 * from N students in turn.
 */
public final class IngressLoad {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Http1Client client;
    private final InetSocketAddress ingress;
    private final MoodleWebhooks webhooks;
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final LongAdder duplicates = new LongAdder();

    private IngressLoad(int ingressPort, MoodleWebhooks webhooks) {
        this.client = Http1Client.builder().baseUri("http://127.0.0.1:" + ingressPort)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(60)).build();
        this.ingress = new InetSocketAddress("127.0.0.1", ingressPort);
        this.webhooks = webhooks;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 10) {
            System.err.println("usage: IngressLoad INGRESS_PORT SINK_PORT LOCAL_DIR DB_PORT INSTITUTION SECRET_BASE64 "
                    + "WARMUP COUNT CONCURRENCY INGRESS_PID");
            System.exit(2);
        }
        int ingressPort = Integer.parseInt(args[0]);
        int sinkPort = Integer.parseInt(args[1]);
        TenantId tenant = new TenantId(UUID.fromString(args[4]));
        int warmup = Integer.parseInt(args[6]);
        int count = Integer.parseInt(args[7]);
        int concurrency = Integer.parseInt(args[8]);
        long ingressPid = Long.parseLong(args[9]);
        int students = Integer.parseInt(System.getenv().getOrDefault("INGEST_STUDENTS", "200"));
        IngressLoad load = new IngressLoad(ingressPort, new MoodleWebhooks(Base64.getDecoder().decode(args[5]),
                7_000 + (System.nanoTime() & 0xFFFF), students));

        WebServer sink = WebServer.builder().port(sinkPort)
                .routing(routing -> routing.post("/", (request, response) -> {
                    String id = request.headers().first(HeaderNames.create("ce-id")).orElse("");
                    request.content().consume();
                    if (!load.events.add(id)) {
                        load.duplicates.increment();
                    }
                    response.status(Status.ACCEPTED_202).send();
                }))
                .build().start();
        try (Store store = Store.builder()
                .environment(LocalConnection.environment(Path.of(args[2]).resolve("postgres"),
                        Integer.parseInt(args[3])))
                .callTimeout(Duration.ofSeconds(30)).build()) {
            LoadInstitution.register(store, tenant, "Ingress load district");
        }
        load.awaitReady();

        System.out.printf("warm-up: %d webhooks, not measured%n", warmup);
        ClosedLoop warm = load.send(load.webhooks(warmup), Math.min(concurrency, 16));
        load.awaitEvents(warm.accepted(), Duration.ofMinutes(2));

        // Signed beforehand (well inside the five minutes a signature is fresh), so that what the driver spends
        // during the run is sending and counting.
        byte[][] requests = load.webhooks(count);
        int eventsBefore = load.events.size();
        MachineCpu machineBefore = MachineCpu.now();
        long ingressBefore = processTicks(ingressPid);
        long driverBefore = ownCpuNanos();
        ClosedLoop run = load.send(requests, concurrency);
        double drainSeconds = load.awaitEvents(eventsBefore + run.accepted(), Duration.ofMinutes(2));
        MachineCpu machineAfter = MachineCpu.now();
        double ingressCpu = (processTicks(ingressPid) - ingressBefore) / TICKS_PER_SECOND;
        double driverCpu = (ownCpuNanos() - driverBefore) / 1e9;
        sink.stop();

        int received = load.events.size() - eventsBefore;
        double machineCpu = machineAfter.busySecondsSince(machineBefore);
        double each = Math.max(1, run.accepted());
        System.out.printf("ingest: %d webhooks from %d senders in %.1f s = %.0f/s accepted (%d accepted, %d other)%n",
                count, concurrency, run.seconds(), run.perSecond(), run.accepted(), run.other());
        System.out.printf("answered: median %.1f ms, p99 %.1f ms%n", run.answeredAt(0.50), run.answeredAt(0.99));
        System.out.printf("events at the sink: %d of %d accepted (%d missing, %d duplicates), the last %.1f s after "
                + "the last answer%n", received, run.accepted(), run.accepted() - received, load.duplicates.sum(),
                drainSeconds);
        System.out.printf("CPU per webhook: machine %.0f us = ingress %.0f us + driver %.0f us + the rest (database, "
                + "grid member, launcher) %.0f us; %.1f of %.1f core-s busy%n", machineCpu * 1e6 / each,
                ingressCpu * 1e6 / each, driverCpu * 1e6 / each, (machineCpu - ingressCpu - driverCpu) * 1e6 / each,
                machineCpu, machineAfter.coreSecondsSince(machineBefore));
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Http1ClientResponse response = client.get("/health/ready").request()) {
                if (response.status().code() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the ingress did not become ready");
    }

    /** Sends every request from {@code concurrency} senders, each over its own kept-alive connection. */
    private ClosedLoop send(byte[][] requests, int concurrency) throws InterruptedException {
        try (PlainHttpSender sender = new PlainHttpSender(ingress, concurrency)) {
            return ClosedLoop.run(requests.length, concurrency, index -> sender.send(requests[index]));
        }
    }

    /** {@code count} webhooks, each a new submission, signed now. */
    private byte[][] webhooks(int count) {
        byte[][] requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] body = webhooks.body(i);
            requests[i] = PlainHttpSender.post(ingress, "/webhooks/" + MoodleWebhooks.SOURCE, body,
                    "Content-Type: application/json", "X-Margin-Signature: " + webhooks.signature(body));
        }
        return requests;
    }

    /** Waits until the sink holds {@code expected} events; returns the seconds waited. */
    private double awaitEvents(int expected, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (events.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** User and system clock ticks of a process, from /proc/PID/stat. */
    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
