package org.margin.benchmarks.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.margin.access.AccessPolicy;
import org.margin.access.Basis;
import org.margin.access.Decision;
import org.margin.access.relationship.GridEpochs;
import org.margin.access.relationship.LocalEpochs;
import org.margin.access.relationship.Membership;
import org.margin.access.relationship.RelationshipCache;
import org.margin.access.relationship.RelationshipEpochs;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.InvalidToken;
import org.margin.runtime.auth.KeysUnavailable;
import org.margin.runtime.auth.Role;
import org.margin.runtime.auth.TokenVerifier;
import org.margin.runtime.auth.VerifiedTokens;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An educator's request for a student's records on a warm instance: the token already validated and cached, the
 * enrolment fact already cached. {@code epochs=grid} reads both people's epochs from a real grid client's near
 * cache (a real member in this JVM), {@code epochs=local} from this process. The store is a real embedded
 * PostgreSQL, asked once per fact; setup and teardown fail the run unless every decision was a permit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "java.se",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "-Dhazelcast.logging.type=none", "-Dhazelcast.phone.home.enabled=false"})
public class AccessDecisionBenchmark {

    private static final Decision INTEREST = new Decision.Permitted(Basis.LEGITIMATE_EDUCATIONAL_INTEREST);

    @Param({"grid", "local"})
    public String epochs;

    private Path directory;
    private LocalDatabase database;
    private Store store;
    private LocalGrid members;
    private Grid grid;
    private AccessPolicy policy;
    private TenantId tenant;
    private PersonId student;
    private String token;
    /** The runtime's cache of verified tokens, holding the educator's token verified once in setup. */
    private final VerifiedTokens verifiedTokens = new VerifiedTokens(10_000, Clock.systemUTC());

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("margin-access-bench");
        database = LocalDatabase.start(directory.resolve("postgres"));
        store = database.storeBuilder().callTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10))
                .build();
        tenant = TenantId.random();
        store.institutions().register(tenant, "Benchmark institution");
        CourseId course = store.courses().create(tenant, "BENCH-1", "Academic writing");
        PersonId educator = person("educator");
        student = person("student");
        LocalDate termStart = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        store.enrollments().enroll(tenant, course, educator, EnrollmentRole.TEACHER, termStart, Optional.empty());
        store.enrollments().enroll(tenant, course, student, EnrollmentRole.STUDENT, termStart, Optional.empty());

        RelationshipEpochs relationshipEpochs = switch (epochs) {
            case "grid" -> {
                members = TestGrids.members(1);
                grid = TestGrids.trusted(TestGrids.instanceOf(members).build());
                yield new GridEpochs(grid);
            }
            case "local" -> new LocalEpochs();
            default -> throw new IllegalArgumentException("epochs must be grid or local");
        };
        policy = new AccessPolicy(new RelationshipCache(store.enrollments(), relationshipEpochs,
                AccessPolicy.FACT_LIFETIME, AccessPolicy.MAX_FACTS),
                new Membership(store.people(), store.courses(), AccessPolicy.FACT_LIFETIME, AccessPolicy.MAX_FACTS),
                Clock.systemUTC());
        String resource = "http://127.0.0.1/mcp";
        DevTokens issuer = DevTokens.generate("https://issuer.benchmark.test");
        token = issuer.issue(DevTokens.Grant.person(resource, Role.EDUCATOR, tenant.value(), educator.value(),
                List.of("profiles:read")));
        try {
            verifiedTokens.remember(token, TokenVerifier.of(issuer.settings(resource)).verify(token));
        } catch (InvalidToken | KeysUnavailable refused) {
            throw new IllegalStateException("the benchmark's own token was refused", refused);
        }
        expectPermit(authorise());
    }

    @TearDown
    public void tearDown() throws IOException {
        expectPermit(authorise());
        if (grid != null) {
            grid.close();
            members.close();
        }
        store.close();
        database.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * The whole authorisation of a warm instance: the bearer token's caller from the verified-token cache (a SHA-256
     * of the token and a map lookup), then the decision over cached epochs and the cached fact (target p99 ≤ 50 µs).
     */
    @Benchmark
    public Decision authorise() {
        return policy.student(verifiedTokens.find(token), tenant, student);
    }

    private PersonId person(String lmsUser) {
        return store.people().register(tenant, new PersonIdentity(opaque("lms:" + lmsUser),
                Optional.empty(), Optional.empty(), Optional.empty(), opaque("lookup:" + lmsUser), Optional.empty()));
    }

    private static void expectPermit(Decision decision) {
        if (!decision.equals(INTEREST)) {
            throw new IllegalStateException("expected a permit on legitimate interest, got " + decision);
        }
    }

    private static Opaque opaque(String text) {
        return Opaque.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
