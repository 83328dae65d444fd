package org.margin.benchmarks.consent;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.platform.consent.ConsentGate;
import org.margin.store.consent.ConsentStatus;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.opentelemetry.api.OpenTelemetry;

/**
 * What an event handler pays for the consent check when the student's status is in the instance's near cache (an
 * instance on a real grid member, in-process as the launcher's functions are): 5,000 students, a tenth of whom
 * withdrew analysis. A miss costs a grid read, or for the first instance to ask one store read (a primary-key range of
 * the student's few consent rows), which the store's benchmark measures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConsentGateBenchmark {

    /** Within the near cache's 10,000 entries, so that every check is a near-cache hit. */
    private static final int STUDENTS = 5_000;

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private PersonId[] students;
    private LocalGrid members;
    private Grid grid;
    private ConsentGate gate;

    @Setup
    public void setUp() {
        students = new PersonId[STUDENTS];
        for (int i = 0; i < STUDENTS; i++) {
            students[i] = new PersonId(UUID.randomUUID());
        }
        Set<PersonId> withdrawn = new HashSet<>();
        for (int i = 0; i < STUDENTS; i += 10) {
            withdrawn.add(students[i]);
        }
        ConsentStatus refused = new ConsentStatus(EnumSet.of(Purpose.ANALYSIS), false);
        members = TestGrids.members(1);
        grid = TestGrids.trusted(TestGrids.inProcessOf(members).build());
        gate = new ConsentGate((tenant, student) -> withdrawn.contains(student) ? refused : ConsentStatus.NONE_RECORDED,
                grid, OpenTelemetry.noop().getMeter("benchmark"));
        for (PersonId student : students) {
            gate.admits(tenant, student, Purpose.ANALYSIS);
        }
    }

    @TearDown
    public void tearDown() {
        grid.close();
        members.close();
    }

    @Benchmark
    public boolean cachedCheck() {
        return gate.admits(tenant, students[ThreadLocalRandom.current().nextInt(STUDENTS)], Purpose.ANALYSIS);
    }
}
