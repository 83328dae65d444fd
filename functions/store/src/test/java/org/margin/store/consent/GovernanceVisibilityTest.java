package org.margin.store.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreException;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.people.PersonId;
import org.margin.store.subject.DataRequest;
import org.margin.store.subject.NewDataRequest;
import org.margin.store.subject.Regime;
import org.margin.store.subject.RequestChannel;
import org.margin.store.subject.RequestKind;
import org.margin.store.tenant.Actor;

/** V18: consents, held events and data requests narrowed by the acting person, as V17 narrows student data. */
class GovernanceVisibilityTest {

    private static final Instant RECEIVED = Instant.parse("2026-10-01T08:00:00Z");

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void aStudentSeesOnlyTheirOwnAnEducatorNoneAndAnAdministratorAll() {
        World world = World.create(store, 2);
        PersonId own = world.students().get(0);
        PersonId other = world.students().get(1);
        for (PersonId student : world.students()) {
            store.consents().record(world.tenant(), new NewConsent(student, Purpose.ANALYSIS, GivenBy.STUDENT,
                    Optional.empty(), RECEIVED));
            store.heldEvents().hold(world.tenant(), new HeldEvent(UUID.randomUUID(), student,
                    "event-" + student.value(), World.opaque("held")));
            store.dataRequests().file(world.tenant(), new NewDataRequest(student, RequestKind.EXPORT, Regime.GDPR,
                    RequestChannel.TOOL, RECEIVED, RECEIVED.plus(Duration.ofDays(30))));
        }

        Store asStudent = store.actingFor(Actor.student(own));
        assertThat(asStudent.consents().of(world.tenant(), own, Consistency.READ_YOUR_WRITES)).hasSize(1);
        assertThat(asStudent.consents().of(world.tenant(), other, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(asStudent.heldEvents().count(world.tenant(), own)).isEqualTo(1);
        assertThat(asStudent.heldEvents().count(world.tenant(), other)).isZero();
        assertThat(requests(asStudent, world)).extracting(DataRequest::subject).containsOnly(own).hasSize(1);

        Store asEducator = store.actingFor(Actor.educator(world.teacher()));
        assertThat(asEducator.consents().of(world.tenant(), own, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(asEducator.heldEvents().count(world.tenant(), own)).isZero();
        assertThat(requests(asEducator, world)).isEmpty();

        Store asAdministrator = store.actingFor(Actor.administrator(Optional.empty()));
        assertThat(asAdministrator.consents().of(world.tenant(), other, Consistency.READ_YOUR_WRITES)).hasSize(1);
        assertThat(asAdministrator.heldEvents().count(world.tenant(), other)).isEqualTo(1);
        assertThat(requests(asAdministrator, world)).hasSize(2);
        assertThat(requests(store, world)).as("services: the whole tenant").hasSize(2);
    }

    @Test
    void aStudentCannotWithdrawAnotherStudentsConsent() {
        World world = World.create(store, 2);
        PersonId own = world.students().get(0);
        PersonId other = world.students().get(1);
        store.consents().record(world.tenant(), new NewConsent(other, Purpose.PROFILING, GivenBy.STUDENT,
                Optional.empty(), RECEIVED));

        assertThatThrownBy(() -> store.actingFor(Actor.student(own)).consents().withdraw(world.tenant(), other,
                Purpose.PROFILING, RECEIVED.plusSeconds(60), GivenBy.STUDENT))
                .isInstanceOf(StoreException.class);

        assertThat(store.consents().status(world.tenant(), other, Consistency.READ_YOUR_WRITES)
                .allows(Purpose.PROFILING)).isTrue();
    }

    private static java.util.List<DataRequest> requests(Store view, World world) {
        return view.dataRequests().list(world.tenant(), Optional.empty(), 100, Consistency.READ_YOUR_WRITES);
    }
}
