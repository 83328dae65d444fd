package org.margin.platform.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.grid.tier.WriteOutcome;
import org.margin.store.consent.ConsentStatus;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import io.opentelemetry.api.OpenTelemetry;

/**
 * Two function instances' gates on one real grid member, as the launcher runs them (one in the member's process,
 * one a client of it), over a table of consent statuses standing in for the store: a status is read from the store
 * once for all of them, and a withdrawal buried on one is refused on the other at once.
 */
class ConsentGateTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());

    private static LocalGrid members;
    private static Grid inProcess;
    private static Grid client;
    private static final Map<PersonId, ConsentStatus> STORE = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static ConsentGate onA;
    private static ConsentGate onB;

    @BeforeAll
    static void start() {
        members = TestGrids.members(1);
        inProcess = TestGrids.trusted(TestGrids.inProcessOf(members).build());
        client = TestGrids.trusted(TestGrids.instanceOf(members).build());
        ConsentGate.Loader store = (tenant, student) -> {
            LOADS.incrementAndGet();
            return STORE.getOrDefault(student, ConsentStatus.NONE_RECORDED);
        };
        onA = new ConsentGate(store, inProcess, OpenTelemetry.noop().getMeter("a"));
        onB = new ConsentGate(store, client, OpenTelemetry.noop().getMeter("b"));
    }

    @AfterAll
    static void stop() {
        inProcess.close();
        client.close();
        members.close();
    }

    @Test
    void aStatusIsReadFromTheStoreOnceForEveryInstance() {
        PersonId student = new PersonId(UUID.randomUUID());
        int before = LOADS.get();

        for (int read = 0; read < 5; read++) {
            assertThat(onA.admits(TENANT, student, Purpose.ANALYSIS)).isTrue();
            assertThat(onB.admits(TENANT, student, Purpose.INTEGRITY)).isTrue();
        }

        assertThat(LOADS.get() - before).isEqualTo(1);
    }

    @Test
    void aWithdrawalBuriedOnOneInstanceIsRefusedOnTheOtherAtOnce() {
        PersonId student = new PersonId(UUID.randomUUID());
        for (int read = 0; read < 3; read++) {
            assertThat(onB.admits(TENANT, student, Purpose.ANALYSIS)).isTrue();
            assertThat(onA.admits(TENANT, student, Purpose.ANALYSIS)).isTrue();
        }
        long droppedBefore = onB.dropped(Purpose.ANALYSIS);

        STORE.put(student, new ConsentStatus(Set.of(Purpose.ANALYSIS), false));
        WriteOutcome outcome = onA.invalidate(TENANT, student);

        assertThat(outcome).isInstanceOf(WriteOutcome.Confirmed.class);
        assertThat(onB.admits(TENANT, student, Purpose.ANALYSIS)).isFalse();
        assertThat(onB.admits(TENANT, student, Purpose.PROFILING)).isTrue();
        assertThat(onA.admits(TENANT, student, Purpose.ANALYSIS)).isFalse();
        assertThat(onB.dropped(Purpose.ANALYSIS) - droppedBefore).isEqualTo(1);
    }

    @Test
    void everyStatusSurvivesItsEncoding() {
        for (int bits = 0; bits < 1 << Purpose.values().length; bits++) {
            Set<Purpose> refused = EnumSet.noneOf(Purpose.class);
            for (Purpose purpose : Purpose.values()) {
                if ((bits & (1 << purpose.ordinal())) != 0) {
                    refused.add(purpose);
                }
            }
            for (boolean parental : new boolean[] {false, true}) {
                ConsentStatus status = new ConsentStatus(refused, parental);
                assertThat(ConsentGate.decode(ConsentGate.encode(status))).isEqualTo(status);
            }
        }
    }
}
