package org.margin.profiling.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.events.WritingAnalyzed;
import org.margin.grid.Grid;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.member.LocalGrid;
import org.margin.audit.log.AuditLog;
import org.margin.profiling.ProfilingSettings;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.profiling.recording.AnalysisRecording;
import org.margin.profiling.support.McpCalls;
import org.margin.profiling.support.School;
import org.margin.profiling.support.TestDatabase;
import org.margin.profiling.tool.GetStudentProfileTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.auth.Role;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;

import com.hazelcast.client.config.ClientConfig;

import io.opentelemetry.api.OpenTelemetry;

import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of the function, each with its own grid client and near cache, on one real Hazelcast member and
 * one real PostgreSQL: profile reads are served from the tiers, and a recording on one instance is seen at once
 * on the other.
 */
class CachedProfilesTest {

    private static final Instant NOW = Instant.parse("2026-10-15T12:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-09-10T09:00:00Z");
    private static final byte[] PSEUDONYM_KEY = "a test key of thirty-two bytes or more".getBytes();

    private static Store store;
    private static AuditLog audit;
    private static LocalGrid members;
    private static Instance a;
    private static Instance b;

    record Instance(StudentProfilingFunction function, FunctionRuntime runtime, McpCalls mcp) {
    }

    @BeforeAll
    static void start() {
        store = TestDatabase.store();
        audit = AuditLog.create(store.auditTrail());
        members = LocalGrid.start("margin-test-" + UUID.randomUUID(), freePort(), 1);
        a = instance();
        b = instance();
    }

    @AfterAll
    static void stop() {
        a.runtime().close();
        b.runtime().close();
        members.close();
        audit.close();
    }

    @Test
    void aRecordingOnOneInstanceInvalidatesTheProfileEverywhere() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        record(a, school, student, school.submit(student, FIRST), 10);
        record(a, school, student, school.submit(student, FIRST.plus(Duration.ofDays(1))), 20);
        assertThat(submissionCount(a, school, student)).isEqualTo(2);
        assertThat(submissionCount(b, school, student)).isEqualTo(2);

        // Recorded behind the function's back: nothing invalidates, so both instances keep serving their copy.
        store.profiles().record(school.tenant(), school.submit(student, FIRST.plus(Duration.ofDays(2))),
                School.metrics(30));
        assertThat(submissionCount(a, school, student)).as("served from the tiers").isEqualTo(2);
        assertThat(submissionCount(b, school, student)).as("served from the tiers").isEqualTo(2);

        record(a, school, student, school.submit(student, FIRST.plus(Duration.ofDays(3))), 40);
        assertThat(submissionCount(b, school, student)).as("the other instance").isEqualTo(4);
        assertThat(submissionCount(a, school, student)).isEqualTo(4);
        assertThat(profile(b, school, student).path("metrics").path("mtld").path("mean").asDouble())
                .isEqualTo(25.0);
        assertThat(profile(b, school, student).path("cadence").path("daysSinceLast").asDouble())
                .isEqualTo(32.125);
    }

    private static void record(Instance instance, School school, PersonId student, SubmissionId submission,
                               double value) {
        int count = (int) value;
        WritingAnalyzed.Metrics metrics = new WritingAnalyzed.Metrics(count, count, count, count, value, value, value,
                value, value, value, value / 1000, OptionalDouble.of(value), value, value);
        AnalysisRecording recording = instance.function().recorder().recordAnalysis(new WritingAnalyzed(
                school.tenant().value(), school.course().value(), submission.value(), student.value(), FIRST,
                metrics));
        assertThat(recording).isInstanceOf(AnalysisRecording.Updated.class);
    }

    private static long submissionCount(Instance instance, School school, PersonId student) {
        return profile(instance, school, student).path("submissionCount").asLong();
    }

    private static ObjectNode profile(Instance instance, School school, PersonId student) {
        ObjectNode arguments = McpCalls.arguments().put("studentId", student.toString());
        return (ObjectNode) instance.mcp().as(McpCalls.token(Role.EDUCATOR, school.tenant(), school.teacher()))
                .call(GetStudentProfileTool.NAME, arguments).path("structuredContent");
    }

    private static Instance instance() {
        ClientConfig client = GridConfigs.client(GridProfile.LOCAL);
        client.setClusterName(members.clusterName());
        client.setInstanceName("client-" + UUID.randomUUID());
        client.getNetworkConfig().setAddresses(members.addresses());
        Grid grid = Grid.builder().clientConfig(client).pseudonymKey(PSEUDONYM_KEY).build();
        trusted(grid);
        StudentProfilingFunction function = new StudentProfilingFunction(store, Optional.of(grid), audit,
                ProfilingSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), OpenTelemetry.noop().getMeter("test"));
        FunctionRuntime runtime = function.runtime()
                .settings(McpCalls.localSettings())
                .build()
                .start();
        return new Instance(function, runtime, new McpCalls(runtime.port()));
    }

    /** Until the grid holds its lease, reads go straight to the store and the test would prove nothing. */
    private static void trusted(Grid grid) {
        grid.connect();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!grid.trusted()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the grid client did not connect and register within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
