package org.margin.profiling.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.margin.audit.log.AuditLog;
import org.margin.profiling.ProfilingSettings;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.profiling.support.McpCalls;
import org.margin.profiling.support.School;
import org.margin.profiling.support.TestDatabase;
import org.margin.profiling.tool.GetClassOverviewTool;
import org.margin.profiling.tool.GetStudentProfileTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.auth.Role;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.opentelemetry.api.OpenTelemetry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole {@code tools/call} over loopback HTTP (2026-07-28, stateless) against a real embedded PostgreSQL, no
 * grid: the access check, the store's reads, the trend kernel and JSON both ways. A course of 30 students with 40
 * analysed submissions each, so a profile's trends run over 40 points and the overview over 1,200 submissions.
 * Sample-time mode times every call, so JMH prints the median and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ProfilingToolsBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-15T12:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-09-02T09:00:00Z");
    private static final int STUDENTS = 30;
    private static final int SUBMISSIONS_EACH = 40;

    private Store store;
    private AuditLog audit;
    private FunctionRuntime function;
    private McpCalls mcp;
    private ObjectNode profileArguments;
    private ObjectNode overviewArguments;

    @Setup(Level.Trial)
    public void start() {
        store = TestDatabase.store();
        School school = School.create(store, STUDENTS);
        Random random = new Random(17);
        for (PersonId student : school.students()) {
            for (int i = 0; i < SUBMISSIONS_EACH; i++) {
                school.submitAndRecord(student, FIRST.plus(Duration.ofHours(i * 50L + random.nextInt(24))),
                        50 + random.nextInt(400));
            }
        }
        audit = AuditLog.create(store.auditTrail());
        function = new StudentProfilingFunction(store, Optional.empty(), audit, ProfilingSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), OpenTelemetry.noop().getMeter("benchmark"))
                .runtime()
                .settings(McpCalls.localSettings())
                .build()
                .start();
        mcp = new McpCalls(function.port()).as(McpCalls.token(Role.EDUCATOR, school.tenant(), school.teacher()));
        profileArguments = McpCalls.arguments().put("studentId", school.students().getFirst().toString());
        overviewArguments = McpCalls.arguments().put("courseId", school.course().toString());
        check(getStudentProfile().path("structuredContent").path("submissionCount").asInt() == SUBMISSIONS_EACH,
                "the profile counts every submission");
        check(getClassOverview().path("structuredContent").path("status").asString().equals("available"),
                "the overview is available");
    }

    @TearDown(Level.Trial)
    public void stop() {
        function.close();
        audit.close();
    }

    @Benchmark
    public JsonNode getStudentProfile() {
        return mcp.call(GetStudentProfileTool.NAME, profileArguments);
    }

    @Benchmark
    public JsonNode getClassOverview() {
        return mcp.call(GetClassOverviewTool.NAME, overviewArguments);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("set-up failed: " + what);
        }
    }
}
