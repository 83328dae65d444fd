package org.margin.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import org.margin.grid.Grid;
import org.margin.grid.codec.ValueCodec;
import org.margin.grid.member.LocalGrid;
import org.margin.platform.Platform;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.privacy.crypto.RowContext;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.profile.Metric;
import org.margin.store.profile.WritingMetrics;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * Real parts for the function's tests, started once per test JVM: an embedded PostgreSQL, a Hazelcast member,
 * the platform built from the environment as Knative gives it (keys in the store, values sealed in the grid),
 * and a receiving runtime as the event sink.
 */
public final class GovernanceWorld {

    public static final Instant SUBMITTED = Instant.parse("2026-09-20T10:00:00Z");

    // Apart from the folder ConsentFlowTest's own cluster uses in the same JVM.
    private static final Path DIRECTORY = Path.of("target", "test-databases",
            "rights-run-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static GovernanceWorld started;

    public final LocalDatabase database;
    final LocalGrid members;
    final FunctionRuntime broker;
    public final List<CloudEvent> emitted = new CopyOnWriteArrayList<>();
    final Map<String, String> environment;
    public final Platform platform;
    public final Governance governance;

    private GovernanceWorld() {
        database = LocalDatabase.start(DIRECTORY);
        int gridPort = freePort();
        members = LocalGrid.start("margin-test-" + UUID.randomUUID(), gridPort, 1);
        broker = FunctionRuntime.builder().service("broker")
                .settings(RuntimeSettings.fromEnvironment(Map.of(RuntimeSettings.PORT, "0")))
                .deliveryLedger(DeliveryLedger.none())
                .anyOtherCloudEvent(event -> {
                    emitted.add(event);
                    return EventOutcome.accepted();
                })
                .build().start();
        Map<String, String> env = new HashMap<>(LocalConnection.environment(DIRECTORY, database.port()));
        env.put(Grid.MEMBERS, "127.0.0.1:" + gridPort);
        env.put(Grid.CLUSTER, members.clusterName());
        byte[] pseudonymKey = new byte[32];
        new Random(11).nextBytes(pseudonymKey);
        env.put(Grid.PSEUDONYM_KEY, Base64.getEncoder().encodeToString(pseudonymKey));
        env.put("MARGIN_KEK_DIR", DIRECTORY.resolveSibling("rights-keys-" + ProcessHandle.current().pid()).toString());
        env.put(HttpEventSink.K_SINK, "http://127.0.0.1:" + broker.port() + "/");
        environment = Map.copyOf(env);
        platform = Platform.fromEnvironment(environment, DataGovernanceFunction.NAME, OpenTelemetry.noop().getMeter("test"));
        KeysetBootstrap.ensure(KeysetBootstrap.keysets(platform.store(), environment, "test"));
        governance = Governance.of(platform, Clock.systemUTC());
    }

    public static synchronized GovernanceWorld get() {
        if (started == null) {
            started = new GovernanceWorld();
        }
        return started;
    }

    public Store store() {
        return platform.store();
    }

    /** Another instance's grid client, as student-profiling or academic-integrity would hold one. */
    public Grid otherInstanceGrid() {
        return Grid.builder().environment(environment)
                .codec(ValueCodec.of(platform.keyring()::sealGridValue, platform.keyring()::openGridValue)).build();
    }

    public ToolOutcome call(String name, TestContext context) throws Exception {
        List<Tool> tools = new ArrayList<>(governance.rights().tools());
        tools.addAll(governance.retention().tools());
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst().orElseThrow().handler()
                .call(context);
    }

    /** The institution's audit entries, oldest first, as their canonical JSON. */
    public List<String> auditEntries(TenantId tenant) {
        return store().auditTrail().page(tenant, 0, 10_000).stream()
                .map(row -> new String(row.payload(), StandardCharsets.UTF_8)).toList();
    }

    /** An institution with a course, its teacher and students, each with an encrypted identity. */
    public School school(int students) {
        TenantId tenant = TenantId.random();
        store().institutions().register(tenant, "Institution " + tenant);
        CourseId course = store().courses().create(tenant, "ENG-" + UUID.randomUUID(), "Academic writing");
        PersonId teacher = person(tenant, "teacher");
        store().enrollments().enroll(tenant, course, teacher, EnrollmentRole.TEACHER, SUBMITTED.atOffset(
                java.time.ZoneOffset.UTC).toLocalDate().minusDays(20), Optional.empty());
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            PersonId student = person(tenant, "student " + i);
            store().enrollments().enroll(tenant, course, student, EnrollmentRole.STUDENT, SUBMITTED.atOffset(
                    java.time.ZoneOffset.UTC).toLocalDate().minusDays(20), Optional.empty());
            people.add(student);
        }
        return new School(tenant, course, teacher, people);
    }

    public record School(TenantId tenant, CourseId course, PersonId teacher, List<PersonId> students) {
    }

    /** Files a submission with its text sealed as lms-ingress seals it, and its metrics recorded. */
    public SubmissionId submit(School school, PersonId student, String text, int daysAfter) {
        SubmissionId id = SubmissionId.generate();
        store().submissions().submit(school.tenant(), id, new NewSubmission(school.course(), student,
                        SUBMITTED.plus(daysAfter, ChronoUnit.DAYS), platform.texts().seal(school.tenant(), id, text)),
                Opaque.of(("source-" + id).getBytes(StandardCharsets.UTF_8)));
        Map<Metric, Double> values = new java.util.EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, 10.0 + Math.abs(daysAfter % 7));
        }
        values.put(Metric.TYPE_TOKEN_RATIO, 0.5);
        store().profiles().record(school.tenant(), id, new WritingMetrics(values));
        return id;
    }

    /** The LMS user id a person of {@link #school} was registered with. */
    public static String lmsUserOf(String label, TenantId tenant) {
        return "lms-" + label + "@" + tenant;
    }

    public static String nameOf(String label) {
        return "Full Name of " + label;
    }

    private PersonId person(TenantId tenant, String label) {
        PersonId person = PersonId.generate();
        store().people().register(tenant, person, new PersonIdentity(
                seal(tenant, person, "lms_user_id", lmsUserOf(label, tenant)),
                Optional.of(seal(tenant, person, "full_name", nameOf(label))), Optional.empty(), Optional.empty(),
                Opaque.of(("lookup-" + person).getBytes(StandardCharsets.UTF_8)), Optional.empty()));
        return person;
    }

    private Opaque seal(TenantId tenant, PersonId person, String column, String value) {
        return Opaque.of(platform.keyring().encrypt(new RowContext(tenant.value(), "person_identities", column,
                person.value()), value.getBytes(StandardCharsets.UTF_8)));
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
